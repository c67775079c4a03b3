-- table.insert/remove positions as 5.1.5 treats them (C int arguments)
local t = {1, 2, 3}
print(table.remove(t, -5), #t, t[1])
print(select('#', table.remove({1}, 0)))
print(select('#', table.remove({})))
local t2 = {1, 2, 3}
print(table.remove(t2, -2^40), #t2)
local t3 = {1, 2, 3}
table.insert(t3, 2^53, "x")
print(t3[0], t3[1], #t3)
local t4 = {1, 2}
table.insert(t4, 5, "far")
print(t4[5], #t4)
print(table.concat({1, 2}, ",", 1, 2^53))
print(select('#', unpack({}, 2^31 - 2, 2^31 + 2)))
print(pcall(select, 2^31, 1))
print(string.rep("x", 2^31), string.rep("ab", 2^32 + 1))
print(pcall(math.random, 2^31))
print(#string.char(0/0), string.byte(string.char(2^32 + 65)))
