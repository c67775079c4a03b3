x = 10
print(x, _G.x, _G["x"])
_G.y = 20
print(y)
x, y = y, x
print(x, y)
local t = {a = {b = {}}}
t.a.b.c = 5
print(t.a.b.c, t["a"]["b"]["c"])
t.a["b"].d, t.e = 6, 7
print(t.a.b.d, t.e)
local k = "dyn"
t[k] = "dynamic"
t[k .. 2] = "dynamic2"
print(t.dyn, t.dyn2)
t[1], t[2.0], t[true] = "one", "two", "yes"
print(t[1], t[2], t[true])
undefined_global_is_nil = nil
print(undefined_global_is_nil, some_other_undefined)
