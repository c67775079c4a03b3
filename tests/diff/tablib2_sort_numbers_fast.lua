-- Plain numeric sorts (which cellua may do with another algorithm when
-- the result cannot depend on it) and the cases where it can: -0 next to
-- 0, NaN, mixed with strings.
local function show(t) local o = {} for i = 1, #t do o[i] = tostring(t[i]) end print(table.concat(o, " ")) end
local t = {} local x = 7
for i = 1, 200 do x = (x * 1103515245 + 12345) % 2147483648 t[i] = x % 1000 - 500 end
table.sort(t) show(t)
local f = {3.5, -1e300, 1e300, 2, 2, -7, 0, 1/0, -1/0, 0.25} table.sort(f) show(f)
local z = {0, -0, 1, -0, 0, -1, 0} table.sort(z) show(z)
local zz = {} for i = 1, 40 do zz[i] = (i % 3 == 0) and -0 or ((i % 3 == 1) and 0 or i) end table.sort(zz) show(zz)
local nan = 0/0
local n = {3, 1, nan, 2} print(pcall(table.sort, n)) show(n)
local s = {"b", "a", "c", "a", "ab", ""} table.sort(s) show(s)
print(pcall(table.sort, {1, "x", 2}))
local big = {} for i = 1, 1000 do big[i] = (i * 7919) % 1000 end table.sort(big)
local ok = true for i = 2, #big do if big[i - 1] > big[i] then ok = false end end print(ok, big[1], big[1000])
