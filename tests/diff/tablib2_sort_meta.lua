local mt = {__lt = function(a, b) return a.v < b.v end}
local function obj(v) return setmetatable({v = v}, mt) end
local t = {obj(3), obj(1), obj(2), obj(5), obj(4)}
table.sort(t)
local o = {}
for i, x in ipairs(t) do o[i] = x.v end
print(table.concat(o, " "))
print(pcall(table.sort, {obj(1), 2}))
print(pcall(table.sort, {obj(1), setmetatable({v = 2}, {__lt = mt.__lt})}))
local le = {__le = function() return true end}
print(pcall(table.sort, {setmetatable({}, le), setmetatable({}, le)}))
local strs = {"b", "a"}
getmetatable("").__lt = function() return true end
print(pcall(table.sort, strs), strs[1], strs[2])
getmetatable("").__lt = nil
local t2 = setmetatable({3, 1, 2}, {__index = function() error("no index") end, __newindex = function() error("no newindex") end})
table.sort(t2)
print(t2[1], t2[2], t2[3])
local errobj = {obj(2), obj(1)}
print(pcall(table.sort, errobj, function(a, b) error({code = 1}) end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("custom") end))
