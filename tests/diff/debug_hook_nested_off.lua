-- hooks are off while a hook runs; errors in hooks propagate.
local depth, calls = 0, 0
local function helper() return 1 end
debug.sethook(function(e)
  calls = calls + 1
  depth = depth + 1
  helper()
  depth = depth - 1
end, "c")
local function f() end
f() f()
debug.sethook()
print(calls, depth)
debug.sethook(function(e, l)
  if l == 20 then error("hook error at " .. l) end
end, "l")
local ok, msg = pcall(function()
  local a = 1
  local b = 2
  return a + b
end)
debug.sethook()
print(ok, msg)
