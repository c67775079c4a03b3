local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 10}
table.sort(t)
print(table.concat(t, " "))
local s = {"banana", "apple", "Cherry", "date", "apple"}
table.sort(s)
print(table.concat(s, " "))
local one = {1}; table.sort(one); print(one[1])
local empty = {}; table.sort(empty); print(#empty)
local f = {3.5, -1, 2.25, 0, -7.5}
table.sort(f)
print(table.concat(f, " "))
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 211 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[200])
print(pcall(table.sort, {1, "x"}))
print(pcall(table.sort, {{}, {}}))
local same = {4, 4, 4, 1, 1}
table.sort(same)
print(table.concat(same, " "))
