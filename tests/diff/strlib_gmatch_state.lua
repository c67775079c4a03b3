local it = ("a b c"):gmatch("%a")
print(it())
local it2 = ("x y"):gmatch("%a")
print(it2(), it(), it2(), it(), it2(), it())
local s = "1 2 3"
local g = s:gmatch("%d")
s = "changed"
print(g(), g(), g(), g())
local p = "%d"
local g2 = ("4 5"):gmatch(p)
p = "%a"
print(g2(), g2())
local f = string.gmatch("ab", "()")
print(f(), f(), f(), f())
