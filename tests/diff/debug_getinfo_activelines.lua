-- the 'L' option: lines that hold code.
local function f(x)
  local y = x

  if y then
    y = y + 1
  end
  -- comment
  return y
end
local function lines(fn)
  local t = debug.getinfo(fn, "L").activelines
  if not t then return "nil" end
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = k .. "=" .. tostring(v) end
  table.sort(ks)
  return table.concat(ks, " ")
end
print(lines(f))
print(lines(print))
print(lines(function() end))
print(lines(loadstring("local a = 1\n\nlocal b = 2\nreturn a + b")))
local t = debug.getinfo(1, "L")
print(type(t.activelines))
