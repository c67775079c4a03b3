-- NaN formatting: C's printf prints "nan" or "-nan" depending on the sign bit
local f = string.format
local nan = 0/0
local pos = -(0/0)
print(f("%f", pos), f("%e", pos), f("%g", pos), f("%G", pos))
print(f("%f", nan), f("%e", nan), f("%g", nan), f("%E", nan))
print(f("%5.1f|%-6g|%+g", pos, pos, pos))
print(tostring(nan), tostring(pos), nan ~= nan)
print(f("%.14g", nan), f("%s", nan), f("%q", 1/0))
