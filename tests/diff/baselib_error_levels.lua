local function lvl(n, msg) error(msg or "boom", n) end
local function a(n) lvl(n) end
local function b(n) a(n) end
for _, n in ipairs({0, 1, 2, 3, 4, 5, 50}) do print(n, pcall(b, n)) end
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, "msg", 0))
print(pcall(error, "msg", 1))
print(pcall(error, "msg", 2))
print(pcall(error, 42))
print(pcall(error, 42, 1))
print(pcall(function() error(42) end))
print(pcall(function() error(42.5, 2) end))
print(pcall(function() error({}) end) == false)
print(pcall(function() error(true) end))
print(pcall(function() error("x", -1) end))
print(pcall(function() error("x", "2") end))
print(pcall(function() error("x", "y") end))
print(pcall(function() error("x", {}) end))
print(pcall(function() error("x", 1.9) end))
print(pcall(function() error(setmetatable({}, {__tostring = function() return "TS" end})) end))
local t = {}
local ok, e = pcall(error, t)
print(ok, e == t)
print(select("#", pcall(error)))
