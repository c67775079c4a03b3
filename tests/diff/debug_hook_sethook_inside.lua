-- a hook that changes or removes hooks.
local n = 0
local function h2(e, l) n = n + 100 end
local function h1(e, l)
  n = n + 1
  if n == 3 then debug.sethook(h2, "l") end
end
debug.sethook(h1, "l")
local a = 1
local b = 2
local c = 3
local d = 4
debug.sethook()
print(n)
local count = 0
debug.sethook(function()
  count = count + 1
  debug.sethook()
end, "l")
local x = 1
local y = 2
print(count, debug.gethook())
