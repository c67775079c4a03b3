print(table.concat({1, 2, 3}))
print(table.concat({1, 2, 3}, ", "))
print(table.concat({"a", "b", "c"}, "-", 2))
print(table.concat({"a", "b", "c"}, "-", 2, 3))
print(table.concat({"a", "b", "c"}, "-", 3, 2) == "")
print(table.concat({}, "x"), table.concat({}) == "")
print(table.concat({1.5, 2, "x"}, " "))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 3))
print(pcall(function() return table.concat({true}) end))
print(table.concat({"a", "b"}, 1), table.concat({[1] = "x", [2] = "y"}, "|"))
local parts = {}
for i = 1, 10 do parts[i] = i * i end
print(table.concat(parts, "+"))
