local t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "front"); table.insert(t, 2, "second")
print(#t, table.concat(t, ","))
table.insert(t, #t + 1, "end")
print(table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
local e = {}
print(table.remove(e), #e)
print(select("#", table.remove(e)))
local one = {"only"}
print(table.remove(one), #one, one[1])
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, {}))
local q = {1, 2, 3}
table.insert(q, 2.0, "x")
print(table.concat(q, ","))
local r = {1, 2, 3}
print(table.remove(r, #r), table.concat(r, ","))
local big = {}
for i = 1, 100 do table.insert(big, 1, i) end
print(#big, big[1], big[100])
for i = 1, 50 do table.remove(big, 1) end
print(#big, big[1], big[50])
