print(pcall(function() local t = {}; t[nil] = 1 end))
print(pcall(function() local t = {}; local k; t[k] = 1 end))
print(pcall(function() local t = {}; t[0/0] = 1 end))
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() local z = 0; return {[z / z] = 1} end))
print(pcall(rawset, {}, nil, 1))
local t = {}
print(t[nil], pcall(function() return t[nil] end))
local z = 0
print(t[z / z])
