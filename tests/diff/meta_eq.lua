local calls = 0
local eq = function(a, b) calls = calls + 1; return a.v == b.v end
local mt = {__eq = eq}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
print(a == b, a ~= b, a == c, a ~= c, calls)
print(a == a, calls)
local mt2 = {__eq = eq}
local d = setmetatable({v = 1}, mt2)
print(a == d, calls)
local mt3 = {__eq = function() return true end}
local e = setmetatable({v = 1}, mt3)
print(a == e, e == a, calls)
local plain = {v = 1}
print(a == plain, plain == a, calls)
print(a == 1, 1 == a, a == "x", calls)
local truthy = setmetatable({}, {__eq = function() return "yes" end})
local truthy2 = setmetatable({}, getmetatable(truthy))
print(truthy == truthy2, truthy ~= truthy2)
local falsy = setmetatable({}, {__eq = function() return nil end})
local falsy2 = setmetatable({}, getmetatable(falsy))
print(falsy == falsy2, falsy ~= falsy2)
