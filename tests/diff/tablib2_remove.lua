local function show(t) local o = {} for i = 1, table.maxn(t) do o[#o + 1] = tostring(t[i]) end return "{" .. table.concat(o, ",") .. "} n=" .. #t end
local t = {1, 2, 3, 4, 5}
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, #t), show(t))
print(table.remove(t, 5), show(t))
print(table.remove(t, 0), show(t))
print(table.remove(t, -1), show(t))
print(table.remove(t), show(t))
print(table.remove(t), show(t))
print(select("#", table.remove(t)), select("#", table.remove({}, 1)), select("#", table.remove({})))
local u = {1, 2, 3}
print(table.remove(u, "2"), show(u))
print(table.remove(u, 1.9), show(u))
print(pcall(table.remove))
print(pcall(function() return table.remove() end))
print(pcall(function() return table.remove(nil) end))
print(pcall(function() return table.remove({1}, "x") end))
print(pcall(function() return table.remove({1}, {}) end))
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
local h = {n = 1, [1] = "a", [2] = "b"}
print(table.remove(h, 1), h[1], h[2], h.n)
local big = {}
for i = 1, 100 do big[i] = i end
for i = 1, 50 do table.remove(big, 1) end
print(#big, big[1], big[50])
