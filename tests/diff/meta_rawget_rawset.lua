local mt = {__index = function() return "meta" end, __newindex = function() error("blocked") end}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"))
print(pcall(function() t.x = 1 end))
rawset(t, "x", "raw")
print(t.x, rawget(t, "x"))
print(rawset(t, "y", 2) == t)
t.y = nil
print(rawget(t, "y"))
print(rawequal(t, t), rawequal(t, {}), rawequal("a", "a"))
local eqmt = {__eq = function() return true end}
local e1, e2 = setmetatable({}, eqmt), setmetatable({}, eqmt)
print(e1 == e2, rawequal(e1, e2))
print(pcall(rawget, "notatable", 1))
print(pcall(rawset, {}, nil, 1))
print(rawget({10, 20}, 2), rawget({}, {}))
