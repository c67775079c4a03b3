print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 2 > 1, 1 ~= 1)
print(-1 < 0, -0.5 < -0.25, 1e308 < math.huge, -math.huge < -1e308)
local zero = 0
local nan = zero / zero
print(nan < 1, nan > 1, nan <= nan, nan >= nan, nan == nan, nan ~= nan)
print(1 == 1.0, 3 ~= 3.0000000000000001, 0.1 + 0.2 > 0.3)
print(not (1 < 2), not (nan < 1))
local a, b = 5, 7
print(a < b, a <= b, a > b, a >= b, a == b, a ~= b)
print(math.max(3, 7, 5) == 7, math.min(3, 7, 5) < 4)
