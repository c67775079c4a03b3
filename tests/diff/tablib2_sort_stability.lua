-- sort is not stable: the order of equal elements depends on the algorithm
local items = {}
local names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"}
for i, n in ipairs(names) do items[i] = {key = i % 3, name = n} end
table.sort(items, function(x, y) return x.key < y.key end)
local out = {}
for i, it in ipairs(items) do out[i] = it.key .. it.name end
print(table.concat(out, " "))
local items2 = {}
for i = 1, 50 do items2[i] = {key = (i * 7) % 5, id = i} end
table.sort(items2, function(x, y) return x.key > y.key end)
out = {}
for i, it in ipairs(items2) do out[i] = it.id end
print(table.concat(out, " "))
local calls = 0
local t = {}
for i = 1, 30 do t[i] = (i * 13) % 31 end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls)
calls = 0
for i = 1, 30 do t[i] = i end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls)
calls = 0
for i = 1, 30 do t[i] = 31 - i end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls)
