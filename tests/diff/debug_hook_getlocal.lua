-- a line hook reading and writing locals of the hooked function.
local function work()
  local a = 1
  local b = 2
  local c = a + b
  return c
end
debug.sethook(function(e, l)
  local t = debug.getinfo(2, "S")
  if t.short_src ~= "tests/diff/debug_hook_getlocal.lua" and t.what ~= "Lua" then return end
  local name, value = debug.getlocal(2, 1)
  if name == "a" then
    print(l, name, value)
    if l == 5 then debug.setlocal(2, 1, 100) end
  end
end, "l")
local r = work()
debug.sethook()
print(r)
