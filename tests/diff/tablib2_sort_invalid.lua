-- inconsistent comparators: an error or some order, never a hang or crash
local function try(n, f)
  local t = {}
  for i = 1, n do t[i] = (i * 7) % n + 1 end
  local ok, err = pcall(table.sort, t, f)
  print(n, ok, err, table.concat(t, ","))
end
for _, n in ipairs({1, 2, 3, 4, 5, 10, 50}) do
  try(n, function(a, b) return true end)
end
for _, n in ipairs({3, 10, 50}) do
  try(n, function(a, b) return a <= b end)
  try(n, function(a, b) return false end)
end
local t = {3, 1, 2, 5, 4}
print(pcall(table.sort, t, function(a, b) return a ~= b end), table.concat(t, ","))
