local cfg
print(pcall(function() return cfg.setting end))
print(pcall(function() cfg.setting = 1 end))
local num = 10
print(pcall(function() return num.field end))
local str = "s"
print(pcall(function() return str.len == string.len end))
print(pcall(function() return str.x.y end))
