-- File handles: closing, the collector, many files, results of every call.
local name = os.tmpname()

-- open/close many files: descriptors are given back
for i = 1, 3000 do
  local f = assert(io.open(name, "w"))
  assert(f:write(i) == true)
  assert(f:close() == true)
end

-- files left to the collector are closed by it: a child started by popen
-- inherits our open descriptors, so it counts the leaked ones
local function open_fds()
  local p = assert(io.popen("ls /proc/self/fd | wc -l"))
  local n = p:read("*n")
  p:close()
  return n
end
local before = open_fds()
for i = 1, 3000 do
  local f = assert(io.open(name))
  if i % 200 == 0 then collectgarbage() end
end
collectgarbage()
assert(open_fds() < before + 10, "files left to the collector stay open")

-- abandoned io.lines iterators close their files when collected
local f = assert(io.open(name, "w"))
for i = 1, 20 do f:write(i, "\n") end
f:close()
for i = 1, 3000 do
  local it = io.lines(name)
  assert(it() == "1")
  if i % 200 == 0 then collectgarbage() end
end
collectgarbage()
assert(open_fds() < before + 10, "abandoned io.lines files stay open")

-- io.type tracks closing
f = assert(io.open(name))
assert(io.type(f) == "file")
assert(tostring(f):match("^file %(0x%x+%)$"))
assert(f:close())
assert(io.type(f) == "closed file" and tostring(f) == "file (closed)")
local ok, msg = pcall(f.read, f)
assert(not ok and msg:find("attempt to use a closed file", 1, true))

-- write returns true; failures are nil, message, errno
f = assert(io.open(name, "r"))
local r, m, e = f:write("x")
assert(r == nil and m == "Bad file descriptor" and e == 9)
f:close()
r, m, e = io.open("/nonexistent/x/y")
assert(r == nil and m == "/nonexistent/x/y: No such file or directory" and e == 2)

-- standard files refuse to close
r, m = io.stdout:close()
assert(r == nil and m == "cannot close standard file")
assert(io.type(io.stdout) == "file")

-- popen: both directions, and close returns true
local p = assert(io.popen("echo one; echo two"))
assert(p:read("*l") == "one" and p:read("*a") == "two\n")
assert(p:close() == true)
p = assert(io.popen("cat > " .. name, "w"))
assert(p:write("via pipe"))
assert(p:close() == true)
f = assert(io.open(name))
assert(f:read("*a") == "via pipe")
f:close()

-- reading numbers the way fscanf does
f = assert(io.open(name, "w"))
f:write("0x10 1e2 -.5 inf junk")
f:close()
f = assert(io.open(name))
local x, y, z, w = f:read("*n", "*n", "*n", "*n")
assert(x == 16 and y == 100 and z == -0.5 and w == math.huge)
assert(f:read("*n") == nil)
assert(f:read("*a") == "junk")
f:close()

-- read(0) tests end of file
f = assert(io.open(name))
assert(f:read(0) == "")
f:read("*a")
assert(f:read(0) == nil)
f:close()

-- a handle's metatable is the registry's "FILE*" entry (when the debug
-- library offers the registry)
if debug.getregistry then
  assert(debug.getregistry()["FILE*"] == getmetatable(io.stdout))
end
assert(os.remove(name))
