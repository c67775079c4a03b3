print(table.concat({1, 2.5, -3, 1e100, 1/0, -1/0, 2^53, 0.1, -0.0}, " "))
print(table.concat({1, 2, 3}, 0), table.concat({"a", "b"}, 1.5))
print(table.concat({"x"}, "sep", 1, 1), table.concat({"x", "y"}, "sep", 2, 2))
local t = {}
for i = 1, 10 do t[i] = i * 1.5 end
print(table.concat(t, ";", 3, 7))
-- (the border #t of a table with holes is implementation-defined: explicit ranges only)
print(pcall(table.concat, {[1] = "a", [2] = "b", [4] = "d"}, ",", 1, 4))
print(table.concat({"a", "b", "c"}, ", ", -1, 1 - 2))
