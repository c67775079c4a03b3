local zero = 0
print(1 / zero, -1 / zero, 1e300 * 1e10, -1e300 * 1e10)
print(math.huge, -math.huge)
-- 0/0 computed at run time (no constant folding for nan in 5.1)
local nan = zero / zero
print(nan, -nan)
print(tostring(1 / zero), tostring(-1 / zero))
print(string.format("%d", 3), string.format("%5.1f", 2.25))
print(1 / zero .. "", -1 / zero .. "")
