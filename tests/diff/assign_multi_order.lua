local log = {}
local function f(name, v) log[#log + 1] = name; return v end
local a, b, c = f("1", 1), f("2", 2), f("3", 3)
print(a, b, c, table.concat(log, ","))
local x, y = 1
print(x, y)
local p, q = 1, 2, f("extra", 3)
print(p, q, log[#log])
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local u = {}
u.x, u.y, u.z = f("a", "A"), f("b", "B")
print(u.x, u.y, u.z)
local m, n = (function() return 1, 2, 3 end)()
print(m, n)
local r1, r2, r3, r4 = 0, (function() return 1, 2, 3 end)()
print(r1, r2, r3, r4)
local k1, k2, k3 = (function() return 1, 2, 3 end)(), 10
print(k1, k2, k3)
