local log = {}
local function mk(v, name)
  return setmetatable({v = v}, {__name = name,
    __eq = function(a, b) log[#log + 1] = "eq" return a.v == b.v end,
    __lt = function(a, b) log[#log + 1] = "lt" return a.v < b.v end,
    __le = function(a, b) log[#log + 1] = "le" return a.v <= b.v end})
end
local a, b = mk(1), mk(2)
print(a == b, a ~= b, a < b, a > b, a <= b, a >= b)
print(table.concat(log, ","))
log = {}
local shared = getmetatable(a)
local c = setmetatable({v = 1}, shared)
print(a == c, a ~= c, rawequal(a, c))
print(table.concat(log, ","))
local onlylt = {__lt = function(x, y) return x.v < y.v end}
local p, q = setmetatable({v = 1}, onlylt), setmetatable({v = 2}, onlylt)
print(p <= q, q <= p)
print(pcall(function() return a < 1 end))
print(pcall(function() return 1 < a end))
print(pcall(function() return a <= "x" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return {} <= {} end))
print(pcall(function() return print < print end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return "10" < "9" end))
local diffmt1 = setmetatable({}, {__eq = function() return true end})
local diffmt2 = setmetatable({}, {__eq = function() return true end})
print(diffmt1 == diffmt2)
local lt1 = setmetatable({}, {__lt = function() return true end})
local lt2 = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return lt1 < lt2 end))
