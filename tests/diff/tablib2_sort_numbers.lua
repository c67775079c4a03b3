local t = {3.5, -2, 1e10, -1e10, 0, -0.0, 1/0, -1/0, 2^53, 1e-300, 42}
table.sort(t)
local o = {}
for i, v in ipairs(t) do o[i] = tostring(v) end
print(table.concat(o, " "))
table.sort(t, function(a, b) return a > b end)
o = {}
for i, v in ipairs(t) do o[i] = tostring(v) end
print(table.concat(o, " "))
local r = {}
for i = 1, 200 do r[i] = (i * 7919) % 1000 end
table.sort(r)
local sorted = true
for i = 2, #r do if r[i - 1] > r[i] then sorted = false end end
print(sorted, r[1], r[100], r[200])
local s = {}
for i = 1, 100 do s[i] = string.format("%03d", (i * 37) % 100) end
table.sort(s)
print(s[1], s[50], s[100])
local nan = {1, 0/0, 2}
print(pcall(table.sort, nan))
