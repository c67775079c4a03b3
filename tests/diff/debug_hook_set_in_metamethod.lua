-- a hook set from inside a metamethod takes effect at once.
local n = 0
local t = setmetatable({}, {__index = function(t, k)
  if k == "on" then debug.sethook(function(e, l) n = n + 1 end, "l") end
  return 1
end})
local x = t.on
local y = 1
local z = 2
for i = 1, 3 do
  y = y + i
end
debug.sethook()
print(n)
local m = 0
local u = setmetatable({}, {__newindex = function(t, k, v)
  debug.sethook(function() m = m + 1 end, "", 1)
end})
u.x = 1
local q = 1
q = q + 1
debug.sethook()
print(m)
