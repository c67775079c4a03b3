local zero = 0
local one = 1
print(one / zero, -one / zero)
print(1 / zero > 1e308, -1 / zero < -1e308)
local nan = zero / zero
print(nan ~= nan, nan == nan)
print(math.huge, -math.huge, math.huge == one / zero)
print(1 / math.huge, -1 / math.huge == 0)
print(math.huge - math.huge ~= math.huge - math.huge)
print(5 % math.huge ~= 5 % math.huge)
print(1e308 * 10 == math.huge, -1e308 * 10 == -math.huge)
print(2 ^ 1024, -(2 ^ 1024))
print(math.floor(1 / zero), math.ceil(-1 / zero))
