local function s(t, f) table.sort(t, f) return table.concat(t, " ") end
print(s({}), s({1}), s({2, 1}), s({3, 1, 2}), s({5, 4, 3, 2, 1}))
print(s({"b", "a", "c", "B", "A"}), s({"abc", "ab", "a", "", "b"}))
print(s({1.5, -1, 0, -0.5, 1e10, -1e10}))
print(s({3, 1, 2}, function(a, b) return a > b end))
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
table.sort(t)
local ok = true
for i = 2, 100 do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[100])
print(s({"10", "9", "100", "1"}))
print(pcall(table.sort, {1, "x"}))
print(pcall(table.sort, {1, 2, {}}))
print(pcall(table.sort, {true, false}))
print(pcall(table.sort))
print(pcall(function() table.sort() end))
print(pcall(function() table.sort({}, 1) end))
print(pcall(function() table.sort({}, "x") end))
print(pcall(function() table.sort({}, {}) end))
print(pcall(function() table.sort(1) end))
print(s({3, 1, 2}, nil))
local h = {1, 2, nil, 4}
print(pcall(table.sort, h))
