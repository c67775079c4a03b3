print(math.max(1, 5, 3), math.min(1, 5, 3), math.max(-1), math.min(2.5, 2.4))
print(math.max(1, "10"), math.min("-3", 0))
print(math.abs(-5), math.abs(5), math.abs(-2.5), math.abs(0), math.abs(-1 / 0))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.abs))
print(pcall(math.max, 1, nil))
local t = {4, 8, 1, 9}
print(math.max(unpack(t)), math.min(unpack(t)))
