-- find with a moving init over a long subject
local s = string.rep("abc,", 20000)
local n, pos = 0, 1
while true do
  local a, b = s:find(",", pos, true)
  if not a then break end
  n = n + 1
  pos = b + 1
end
print(n, pos)
n, pos = 0, 1
while true do
  local a, b = s:find("%a+", pos)
  if not a then break end
  n = n + 1
  pos = b + 1
end
print(n)
local parts = {}
for w in s:sub(1, 40):gmatch("[^,]+") do parts[#parts + 1] = w end
print(#parts, table.concat(parts, "|"))
