local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1 return a.k == b.k end,
            __lt = function(a, b) return a.k < b.k end}
local a, b, c = setmetatable({k = 1}, mt), setmetatable({k = 1}, mt), setmetatable({k = 2}, mt)
eq(a == b, true, "__eq true"); eq(a ~= c, true, "__eq false negated")
eq(calls, 2, "__eq called")
eq(a == a, true, "identity skips __eq"); eq(calls, 2, "no call for identical")
eq(a == 1, false, "different types never equal"); eq(calls, 2, "no call for mixed types")
local other = setmetatable({k = 1}, {__eq = function() return true end})
eq(a == other, false, "different __eq functions")
local shared = mt.__eq
local other2 = setmetatable({k = 1}, {__eq = shared})
eq(a == other2, true, "same __eq function in different metatables")
eq(a < c, true, "__lt"); eq(c > a, true, "__lt swapped")
eq(a <= c, true, "__le falls back to not __lt(b, a)"); eq(c <= a, false, "__le fallback false")
local lemt = {__le = function() return "truthy" end}
eq(setmetatable({}, lemt) <= setmetatable({}, lemt), true, "__le result to boolean")
assert(not pcall(function() return a < setmetatable({}, {__lt = function() return true end}) end), "different __lt errors")
assert(not pcall(function() return a < 1 end), "table < number errors")
local items = {setmetatable({k = 3}, mt), setmetatable({k = 1}, mt), setmetatable({k = 2}, mt)}
table.sort(items)
eq(items[1].k .. items[2].k .. items[3].k, "123", "sort uses __lt")
