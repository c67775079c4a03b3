local t = {1, 2, x = "x", 3, ["y"] = "y", [10] = 10, 4}
print(#t, t[1], t[2], t[3], t[4], t.x, t.y, t[10])
local u = {[1] = "a", [2] = "b", "c"}
print(u[1], u[2])
local k = "key"
local v = {[k] = 1, [k .. "2"] = 2, [1 + 1] = "two", [true] = false}
print(v.key, v.key2, v[2], v[true])
local w = {x = 1, x = 2}
print(w.x)
local f = {function() return "in table" end, n = function(self) return self[1]() end}
print(f[1](), f:n())
local e = {}
print(#e, next(e))
local floatkey = {[1.0] = "one", [2.5] = "two and half"}
print(floatkey[1], floatkey[2.5])
local neg = {[-1] = "neg", [0] = "zero"}
print(neg[-1], neg[0], #neg)
