-- argument handling of math.random (values not printed)
local function range(...)
  local lo, hi = math.huge, -math.huge
  for i = 1, 500 do
    local r = math.random(...)
    if r < lo then lo = r end
    if r > hi then hi = r end
  end
  return lo, hi
end
print(range(1))
print(range(2))
print(range(0, 1))
print(range(-1, 0))
print(range(3, 3))
print(range(1.9))
print(range(1.1, 2.9))
print(range("2"))
print(pcall(math.random, 0.9))
print(pcall(math.random, 2, 1.9))
print(pcall(math.random, -2^31))
print(pcall(math.random, 2^31))
print(pcall(math.random, 2^32 + 1) and "ok")
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, nil, 1))
print(pcall(math.random, 1, nil))
local lo, hi = range(2^31 - 1)
print(lo >= 1, hi <= 2^31 - 1)
