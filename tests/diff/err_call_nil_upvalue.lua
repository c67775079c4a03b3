local up
local function callit() return up() end
print(pcall(callit))
local upnum = 42
print(pcall(function() upnum() end))
local uptable = {}
print(pcall(function() uptable() end))
up = function() return "now defined" end
print(pcall(callit))
