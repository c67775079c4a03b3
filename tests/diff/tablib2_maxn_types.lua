print(table.maxn({[1] = 1, [100] = 1, [50.5] = 1, ["200"] = 1, [true] = 1}))
print(table.maxn({[-1] = 1, [-100] = 1}))
print(table.maxn({[0] = 1}))
print(table.maxn({[2^60] = 1, [3] = 1}))
print(table.maxn({1, 2, 3, [10] = nil}))
local t = {1, 2, 3}
t[3] = nil
print(table.maxn(t))
