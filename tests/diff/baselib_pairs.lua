local t = {10, 20, 30, a = "x"}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local f, s, c = pairs(t)
print(f == next, s == t, c)
print(pcall(pairs))
print(pcall(pairs, nil))
print(pcall(pairs, "str"))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs(42) do end end))
local p = setmetatable({}, {__pairs = function() return function() return nil end end})
local n = 0
for k in pairs(setmetatable({1, 2}, {__pairs = function() error("no __pairs in 5.1") end})) do n = n + 1 end
print(n)
local g = next
next = function() return nil end
local cnt = 0
for k in pairs({1, 2, 3}) do cnt = cnt + 1 end
print(cnt)
next = g
print(select("#", pairs({})))
