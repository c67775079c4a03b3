local A = {a = "from A"}
local B = setmetatable({b = "from B"}, {__index = A})
local C = setmetatable({c = "from C"}, {__index = B})
local obj = setmetatable({}, {__index = C})
print(obj.a, obj.b, obj.c, obj.d)
A.d = "late A"
print(obj.d)
B.a = "B overrides"
print(obj.a)
local fn_end = setmetatable({}, {__index = function(_, k) return "fn:" .. k end})
local mid = setmetatable({}, {__index = fn_end})
local top = setmetatable({}, {__index = mid})
print(top.anything, rawget(top, "anything"), rawget(mid, "anything"))
local depth = {}
local cur = {leaf = "found"}
for i = 1, 50 do cur = setmetatable({}, {__index = cur}) end
print(cur.leaf)
local Base = {}
Base.__index = Base
function Base.hello() return "base hello" end
local Derived = setmetatable({}, Base)
Derived.__index = Derived
local inst = setmetatable({}, Derived)
print(inst.hello())
