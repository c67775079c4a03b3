print(math.max(1), math.min(1), math.max(1, 2, 3), math.min(1, 2, 3), math.max(-1, -2), math.min(-1, -2))
print(math.max(3, 1, 2), math.min(3, 1, 2), math.max(1.5, "2"), math.min("3", 4))
print(math.max(0, -0.0), math.max(-0.0, 0), math.min(0, -0.0), math.min(-0.0, 0))
print(math.max(1/0, 1), math.min(-1/0, 1), math.max(-1/0), math.min(1/0))
local nan = 0/0
print(math.max(nan, 1) ~= math.max(nan, 1), math.max(1, nan), math.min(1, nan), math.min(nan, 1) ~= math.min(nan, 1))
print(math.max(1, 2, nan, 3), math.min(3, 2, nan, 1))
print(pcall(math.max))
print(pcall(function() return math.max() end))
print(pcall(function() return math.min() end))
print(pcall(function() return math.max(1, "x") end))
print(pcall(function() return math.min(1, 2, nil) end))
print(pcall(function() return math.max(nil, 1) end))
local t = {}
for i = 1, 200 do t[i] = (i * 37) % 199 end
print(math.max(unpack(t)), math.min(unpack(t)))
