-- ranges near the int limits must not hang or overflow
print(pcall(table.concat, {}, ",", 2^31 - 1, 2^31 - 1))
print(table.concat({}, ",", 2^31 - 1, 2^31 - 2))
print(table.concat({}, ",", -2^31 + 1, -2^31))
print(pcall(table.concat, {}, ",", 5, 3))
local t = {}
t[2^31 - 1] = "last"
print(table.concat(t, ",", 2^31 - 1, 2^31 - 1))
t[-2^31] = "first"
print(table.concat(t, ",", -2^31, -2^31))
