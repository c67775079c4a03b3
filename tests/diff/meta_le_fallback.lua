local log = {}
local ltonly = {__lt = function(a, b) log[#log + 1] = "lt(" .. a.v .. "," .. b.v .. ")"; return a.v < b.v end}
local function n(v) return setmetatable({v = v}, ltonly) end
local a, b = n(1), n(2)
print(a <= b, b <= a, a <= a, a >= b, b >= a)
print(table.concat(log, " "))
log = {}
local both = {
  __lt = function(a, b) log[#log + 1] = "lt"; return a.v < b.v end,
  __le = function(a, b) log[#log + 1] = "le"; return a.v <= b.v end,
}
local c, d = setmetatable({v = 1}, both), setmetatable({v = 1}, both)
print(c <= d, c >= d, c < d)
print(table.concat(log, " "))
local leonly = {__le = function(a, b) return true end}
local e, f = setmetatable({}, leonly), setmetatable({}, leonly)
print(e <= f, e >= f)
print(pcall(function() return e < f end))
