-- a comparator that changes the table must not crash the sort
local t = {}
for i = 1, 20 do t[i] = (i * 7) % 20 end
local ok, e = pcall(table.sort, t, function(a, b)
  t[math.random(20)] = nil
  return (a or 0) < (b or 0)
end)
print(type(ok))
local t2 = {5, 4, 3, 2, 1}
local n = 0
print(pcall(table.sort, t2, function(a, b) n = n + 1 if n == 3 then t2[6] = 0 end return a < b end))
print(#t2 >= 5)
local t3 = {3, 2, 1}
print(pcall(table.sort, t3, function(a, b) for k in pairs(t3) do t3[k] = nil end collectgarbage() return false end))
