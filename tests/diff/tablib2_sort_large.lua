local t = {}
local x = 12345
for i = 1, 5000 do x = (x * 1103515245 + 12345) % 2147483648 t[i] = x % 100000 end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false break end end
print(ok, t[1], t[2500], t[5000])
table.sort(t, function(a, b) return a > b end)
print(t[1], t[5000])
local eq = {}
for i = 1, 1000 do eq[i] = 7 end
table.sort(eq)
print(eq[1], eq[1000])
local sorted = {}
for i = 1, 1000 do sorted[i] = i end
table.sort(sorted)
print(sorted[1], sorted[1000])
local rev = {}
for i = 1, 1000 do rev[i] = 1001 - i end
table.sort(rev)
print(rev[1], rev[1000])
