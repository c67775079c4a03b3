local log = {}
local mt = {__lt = function(a, b) log[#log + 1] = a.v .. "<" .. b.v; return a.v < b.v end}
local function n(v) return setmetatable({v = v}, mt) end
local a, b = n(1), n(2)
print(a < b, b < a, a > b, b > a)
print(table.concat(log, " "))
local items = {n(5), n(3), n(9), n(1), n(7)}
table.sort(items)
local out = {}
for i, it in ipairs(items) do out[i] = it.v end
print(table.concat(out, " "))
local ret = setmetatable({}, {__lt = function() return 1 end})
local ret2 = setmetatable({}, getmetatable(ret))
print(ret < ret2)
print(pcall(function() return a < 1 end))
print(pcall(function() return a < {} end))
local other = setmetatable({v = 0}, {__lt = function() return true end})
print(pcall(function() return a < other end))
