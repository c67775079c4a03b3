local t = {}
for i = 1, 10 do table.insert(t, 1, i) end
print(table.concat(t, ","))
for i = 1, 5 do table.insert(t, #t, "m" .. i) end
print(table.concat(t, ","))
for i = 1, 3 do table.insert(t, 3, "x" .. i) end
print(table.concat(t, ","))
local h = {1, 2, 3, nil, 5}
table.insert(h, 2, "ins")
print(h[1], h[2], h[3], h[4], h[5], h[6])
local f = {1, 2, 3}
table.insert(f, 1.5, "f")
print(table.concat(f, ","))
local n = {n = 0}
table.insert(n, "a")
print(n[1], n.n)
