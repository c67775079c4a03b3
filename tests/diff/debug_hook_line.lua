-- line events: loops, branches, function entry.
local lines = {}
local function f(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  if s > 3 then
    s = s - 1
  else
    s = s + 1
  end
  return s
end
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
local r = f(3)
local x = 0
while x < 3 do
  x = x + 1
end
repeat
  x = x - 1
until x == 0
debug.sethook()
print(r, table.concat(lines, " "))
