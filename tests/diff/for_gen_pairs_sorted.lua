local t = {b = 2, a = 1, c = 3, [1] = "one", [2] = "two", [10] = "ten", [true] = "T"}
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys, function(x, y)
  local tx, ty = type(x), type(y)
  if tx ~= ty then return tx < ty end
  if tx == "boolean" then return (x and 1 or 0) < (y and 1 or 0) end
  return x < y
end)
for _, k in ipairs(keys) do print(k, t[k]) end
local count = 0
for k, v in pairs({}) do count = count + 1 end
print("empty", count)
local sum = 0
for k, v in pairs({10, 20, 30, x = 40}) do sum = sum + v end
print("sum", sum)
local p = {}
p[1] = 1; p[2] = 2; p[3] = 3
for k in pairs(p) do p[k] = nil end
print("cleared", next(p))
local f, s, c = pairs(t)
print(type(f), s == t, c)
