local values = {1, 2, "three"}
local sum = 0
for i, v in ipairs(values) do
  print("adding", v)
  sum = sum + v * 1 + (i == 3 and {} or 0)
end
print(sum)
