local function show(t) local o = {} for i = 1, table.maxn(t) do o[#o + 1] = tostring(t[i]) end return "{" .. table.concat(o, ",") .. "} n=" .. #t end
local t = {}
table.insert(t, "a") table.insert(t, "b") print(show(t))
table.insert(t, 1, "z") print(show(t))
table.insert(t, 2, "y") print(show(t))
table.insert(t, #t + 1, "end") print(show(t))
table.insert(t, 10, "far") print(show(t))
table.insert(t, "x", nil)
print(pcall(table.insert))
print(pcall(table.insert, t))
print(pcall(function() table.insert(t) end))
print(pcall(function() table.insert(t, 1, 2, 3) end))
print(pcall(function() table.insert(t, 1, 2, 3, 4) end))
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() table.insert("x", 1) end))
print(pcall(function() table.insert(t, "a", 1) end))
print(pcall(function() table.insert(t, {}, 1) end))
local u = {1, 2, 3}
table.insert(u, "2", "s") print(show(u))
table.insert(u, 2.7, "f") print(show(u))
local v = {1, 2, 3}
table.insert(v, nil) print(show(v))
table.insert(v, 1, nil) print(show(v))
local w = {}
table.insert(w, 0, "zero") print(w[0], #w)
table.insert(w, -1, "neg") print(w[-1], #w)
