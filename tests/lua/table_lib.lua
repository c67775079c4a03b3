local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local t = {}
table.insert(t, "a"); table.insert(t, 1, "b"); table.insert(t, 2, "c")
eq(table.concat(t, ","), "b,c,a", "insert")
eq(table.remove(t), "a", "remove last"); eq(table.remove(t, 1), "b", "remove first")
eq(table.concat(t, ","), "c", "after removes")
eq(table.remove({}), nil, "remove empty")
eq(table.concat({1, 2, 3}, "-", 2, 3), "2-3", "concat range")
eq(table.concat({}, ","), "", "concat empty")
assert(not pcall(table.concat, {1, {}, 3}), "concat invalid value")
local s = {5, 3, 8, 1, 9, 2}
table.sort(s)
eq(table.concat(s, " "), "1 2 3 5 8 9", "sort")
table.sort(s, function(a, b) return a > b end)
eq(table.concat(s, " "), "9 8 5 3 2 1", "sort desc")
local words = {"pear", "Apple", "fig"}
table.sort(words)
eq(table.concat(words, " "), "Apple fig pear", "sort strings")
local big = {}
for i = 1, 1000 do big[i] = (i * 7919) % 1009 end
table.sort(big)
for i = 2, #big do assert(big[i - 1] <= big[i], "sorted order at " .. i) end
local recs = {{n = "b", v = 2}, {n = "a", v = 2}, {n = "c", v = 1}}
table.sort(recs, function(x, y) if x.v ~= y.v then return x.v < y.v end return x.n < y.n end)
eq(recs[1].n .. recs[2].n .. recs[3].n, "cab", "sort records")
eq(table.getn({1, 2, 3}), 3, "getn")
eq(table.maxn({[1] = 1, [7] = 1}), 7, "maxn")
assert(not pcall(table.insert, {}, 1, 2, 3), "insert wrong args")
