local t = {1, 2, 3, a = "x", b = "y"}
local n, sum, keys = 0, 0, {}
for k, v in pairs(t) do
  n = n + 1
  if type(v) == "number" then sum = sum + v end
  keys[#keys + 1] = tostring(k)
end
table.sort(keys)
print(n, sum, table.concat(keys, " "))
local copy = {}
for k, v in pairs(t) do copy[k] = v end
print(copy[1], copy.a, #copy)
local mt_t = setmetatable({}, {__index = {hidden = 1}})
local c = 0
for _ in pairs(mt_t) do c = c + 1 end
print("pairs ignores __index", c)
print(pcall(pairs))
print(pcall(pairs, nil))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() return next(nil) end))
local modify = {a = 1, b = 2, c = 3}
for k in pairs(modify) do modify[k] = nil end
print(next(modify))
local upd = {a = 1, b = 2}
for k, v in pairs(upd) do upd[k] = v * 10 end
print(upd.a, upd.b)
