local p = newproxy()
print(type(p), getmetatable(p))
local q = newproxy(true)
local mt = getmetatable(q)
print(type(mt))
mt.__index = function(_, k) return "idx:" .. k end
mt.__len = function() return 99 end
mt.__tostring = function() return "proxy!" end
print(q.foo, #q, tostring(q))
local r = newproxy(q)
print(getmetatable(r) == mt, r.bar)
print(newproxy(false) ~= nil, getmetatable(newproxy(false)))
print(pcall(newproxy, 1))
print(pcall(newproxy, {}))
print(pcall(newproxy, "x"))
print(pcall(newproxy, newproxy()))
print(q == q, p == newproxy())
print(pcall(function() return q + 1 end))
print(pcall(function() return p.x end))
