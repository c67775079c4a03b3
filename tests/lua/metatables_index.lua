local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local base = {greet = function() return "hi" end, v = 1}
local obj = setmetatable({}, {__index = base})
eq(obj.greet(), "hi", "__index table"); eq(rawget(obj, "v"), nil, "rawget bypass")
local fn = setmetatable({}, {__index = function(t, k) return k .. "!" end})
eq(fn.abc, "abc!", "__index function")
local c3 = setmetatable({}, {__index = setmetatable({}, {__index = setmetatable({}, {__index = {z = "z"}})})})
eq(c3.z, "z", "chain of three")
local log = {}
local ni = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end})
ni.a = 1; ni.a = 2; ni.b = 3
eq(table.concat(log), "ab", "__newindex only for absent keys")
eq(ni.a, 2, "rawset through newindex")
local store = {}
local nt = setmetatable({}, {__newindex = store})
nt.q = 9
eq(rawget(nt, "q"), nil, "__newindex table not raw"); eq(store.q, 9, "__newindex table target")
rawset(nt, "r", 1)
eq(nt.r, 1, "rawset bypasses __newindex")
local called = setmetatable({}, {__call = function(self, a, b) return self, a + b end})
local s, sum = called(2, 3)
eq(s, called, "__call self"); eq(sum, 5, "__call args")
local prot = setmetatable({}, {__metatable = "nope"})
eq(getmetatable(prot), "nope", "__metatable getter")
assert(not pcall(setmetatable, prot, {}), "__metatable blocks setmetatable")
local ts = setmetatable({}, {__tostring = function() return "TS" end})
eq(tostring(ts), "TS", "__tostring")
local lenmt = setmetatable({1, 2}, {__len = function() return 99 end})
eq(#lenmt, 2, "__len ignored for tables in 5.1")
local p = newproxy(true)
getmetatable(p).__len = function() return 7 end
eq(#p, 7, "__len used for userdata")
