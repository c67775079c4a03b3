local p = newproxy()
print(type(p), getmetatable(p))
local q = newproxy(true)
local mt = getmetatable(q)
print(type(mt))
mt.__index = function(_, k) return "proxy field " .. k end
mt.__len = function() return 7 end
mt.__tostring = function() return "a proxy" end
print(q.foo, #q, tostring(q))
local r = newproxy(q)
print(getmetatable(r) == mt, r.bar, #r)
print(pcall(newproxy, {}))
print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage(), collectgarbage("collect"))
print(type(collectgarbage("step")))
print(pcall(collectgarbage, "bogus"))
print(p == p, p == newproxy(), rawequal(q, q))
