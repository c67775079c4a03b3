local t = {"b", "B", "a", "A", "_", "1", "", " ", "\0", "\255", "aa", "a\0"}
table.sort(t)
local o = {}
for i, v in ipairs(t) do o[i] = string.format("%q", v) end
print(table.concat(o, " "))
print(pcall(table.sort, {"a", 1}))
print(pcall(table.sort, {1, "a", 2}))
print(pcall(table.sort, {"x", {}, "y"}))
