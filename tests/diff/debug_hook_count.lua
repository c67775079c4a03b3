-- count events: every n instructions, from straight-line code and loops.
local n = 0
local function body()
  local x = 0
  for i = 1, 100 do x = x + i end
  local y = 0
  while y < 50 do y = y + 1 end
  return x + y
end
debug.sethook(function(e, l) n = n + 1 end, "", 7)
body()
debug.sethook()
print(n)
local events = {}
debug.sethook(function(e, l) events[#events + 1] = e .. ":" .. tostring(l) end, "", 1)
local a = 1
local b = a + 1
debug.sethook()
print(#events, events[1], events[2], events[#events])
print(debug.gethook())
