local t = {}
for i = 1, 20 do t["k" .. i] = i end
local n = 0
for k, v in pairs(t) do
  t[k] = nil
  n = n + 1
end
print(n, next(t))
t = {a = 1, b = 2, c = 3}
for k in pairs(t) do t[k] = "changed" end
local vals = {}
for k, v in pairs(t) do vals[#vals + 1] = v end
print(#vals, vals[1])
t = {1, 2, 3, x = 1}
local k = next(t)
t[k] = nil
print(pcall(next, t, k))
