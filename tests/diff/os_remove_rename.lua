-- os.remove / os.rename: true, or nil, "<name>: <strerror>", errno
local a = os.tmpname()
local b = a .. ".renamed"
local function hide(s)
  if type(s) ~= "string" then return s end
  return (s:gsub((b:gsub("%p", "%%%0")), "B"):gsub((a:gsub("%p", "%%%0")), "A"))
end
local function show(...)
  local t = {...}
  for i = 1, select("#", ...) do t[i] = tostring(hide(t[i])) end
  print(table.concat(t, "\t"))
end
show(os.rename(a, b))
show(io.open(a))
show(os.rename(a, b))
show(os.remove(b))
show(os.remove(b))
show(os.remove("/nonexistent/dir/file"))
show(os.rename("/nonexistent/x", "/tmp/y"))
show(os.remove("/"))
show(os.remove("/proc"))
-- removing a directory works when it is empty
local d = os.tmpname()
os.remove(d)
os.execute("mkdir " .. d .. " && touch " .. d .. "/x")
local r, msg, code = os.remove(d)
print(r, msg == d .. ": Directory not empty", code)
os.remove(d .. "/x")
print(os.remove(d))
local function try(...)
  print(pcall(function(...) return os.rename(...) end, ...))
end
try()
try("a")
try({}, "b")
try("a", {})
print(pcall(function() return os.remove() end))
print(pcall(function() return os.remove(true) end))
