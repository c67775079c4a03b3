local t = {}
for i = 1, 10 do t[i] = i end
while #t > 0 do io.write(table.remove(t, 1), " ") end print()
for i = 1, 10 do t[i] = i end
while #t > 0 do io.write(table.remove(t), " ") end print()
for i = 1, 10 do t[i] = i end
while #t > 0 do io.write(table.remove(t, math.floor((#t + 1) / 2)), " ") end print()
local h = {1, 2, nil, 4}
print(#h == 4 or #h == 2, table.remove(h, 1))
local g = {}
g[1] = "a" g[2] = "b" g[3] = "c"
print(table.remove(g, 4), table.remove(g, 3), #g)
