print(table.getn({1, 2, 3}), table.getn({}), table.getn({nil}), table.getn({1, nil, 3}))
local t = {}
for i = 1, 100 do t[i] = i end
print(table.getn(t), #t)
t[101] = 1
print(table.getn(t))
for i = 1, 100 do t[i] = nil end
print(table.maxn(t))
print(#"x", table.getn({n = 10}), table.getn(setmetatable({}, {__len = function() return 7 end})))
