local t = {5, 2, 8, 1, 9, 3}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {{name = "Ann", age = 30}, {name = "Bob", age = 25}, {name = "Cid", age = 35}, {name = "Dee", age = 25}}
table.sort(people, function(a, b) if a.age ~= b.age then return a.age < b.age end return a.name < b.name end)
for _, p in ipairs(people) do io.write(p.name, ":", p.age, " ") end print()
local words = {"ccc", "a", "bb", "dddd", "ee"}
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, " "))
local ci = {"b", "A", "c", "B", "a"}
table.sort(ci, function(a, b) local la, lb = a:lower(), b:lower() if la ~= lb then return la < lb end return a < b end)
print(table.concat(ci, " "))
print(pcall(table.sort, {3, 1, 2}, function(a, b) error("cmp failed", 0) end))
local calls = 0
table.sort({5, 4, 3, 2, 1}, function(a, b) calls = calls + 1 return a < b end)
print(calls > 0)
print(pcall(table.sort, {1, 2}, "notafunction"))
