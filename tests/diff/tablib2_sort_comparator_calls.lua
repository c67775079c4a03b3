-- the exact sequence of comparisons 5.1's quicksort makes
local log = {}
local t = {5, 3, 8, 1, 9, 2, 7}
table.sort(t, function(a, b) log[#log + 1] = a .. "<" .. b return a < b end)
print(table.concat(t, ","))
print(#log, table.concat(log, " "))
log = {}
local u = {"d", "a", "c", "b"}
table.sort(u, function(a, b) log[#log + 1] = a .. b return a < b end)
print(table.concat(u), table.concat(log, " "))
