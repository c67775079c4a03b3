-- Lua 5.1 converts strings with C strtod/strtoul, so on glibc these
-- spellings are accepted too (reference behaviour of Debian's lua5.1).
print(tonumber("0x1p4"), tonumber("0x1.8"), tonumber("0XA"))
print(tonumber("inf"), tonumber("-inf"), tonumber("infinity"), tonumber("INF"))
print(tonumber("1e500"), tonumber("-1e500"), tonumber("1e-500"))
print("0x1p4" + 0, "inf" * 1, "1e500" + 0, "-0x10" + 0)
print(tonumber("-1", 10), tonumber("-1.5", 10), tonumber("1e1", 10))
local n = tonumber("nan")
print(n ~= n)
