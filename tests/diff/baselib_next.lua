print(next({}), select("#", next({})))
print(next({10}))
print(next({10}, 1))
print(next({a = 1}))
print(pcall(next))
print(pcall(next, nil))
print(pcall(next, "x"))
print(pcall(next, {}, "nokey"))
print(pcall(next, {1, 2}, 3))
print(pcall(next, {a = 1}, "b"))
print(pcall(function() return next({}, {}) end))
print(pcall(function() return next() end))
local t = {1, 2, 3, x = 1, y = 2}
local n = 0
for k, v in next, t do n = n + 1 end
print(n)
local k, v = next(t, nil)
print(k ~= nil)
local cnt = 0
for k in pairs(t) do t[k] = nil cnt = cnt + 1 end
print(cnt, next(t))
local m = setmetatable({}, {__index = {a = 1}})
print(next(m))
print(rawequal(next, pairs({})))
