local a, b = 1, 2
a, b = b, a
print(a, b)
local x, y, z = "x", "y", "z"
x, y, z = z, x, y
print(x, y, z)
local t = {1, 2, 3}
t[1], t[3] = t[3], t[1]
print(t[1], t[2], t[3])
local i, j = 1, 2
t[i], t[j] = t[j], t[i]
print(t[1], t[2], t[3])
g1, g2 = "G1", "G2"
g1, g2 = g2, g1
print(g1, g2)
local s = {v = 1}
local r = {v = 2}
s.v, r.v = r.v, s.v
print(s.v, r.v)
a, b = a + b, a - b
print(a, b)
