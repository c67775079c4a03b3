-- random values are never printed (the generator differs from glibc's rand)
local ok = true
for i = 1, 1000 do
  local r = math.random()
  if not (r >= 0 and r < 1) then ok = false end
end
print("random() in [0,1)", ok)
ok = true
local seen = {}
for i = 1, 2000 do
  local r = math.random(6)
  if r < 1 or r > 6 or r ~= math.floor(r) then ok = false end
  seen[r] = true
end
print("random(6)", ok, #seen)
ok = true
for i = 1, 2000 do
  local r = math.random(-3, 3)
  if r < -3 or r > 3 or r ~= math.floor(r) then ok = false end
end
print("random(-3,3)", ok)
print(math.random(1, 1), math.random(5, 5), math.random(1), math.random(-7, -7))
print(math.random(1.9), math.random(2.5, 2.9))
print(pcall(math.random, 0))
print(pcall(math.random, -5))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 0))
print(pcall(function() return math.random(0) end))
print(pcall(function() return math.random(3, 2) end))
print(pcall(function() return math.random(0.5) end))
print(pcall(function() return math.random(1, 2, 3) end))
print(pcall(function() return math.random("x") end))
print(pcall(function() return math.random(1, "x") end))
print(pcall(function() return math.random(nil) end))
print(math.randomseed(42))
print(select("#", math.randomseed(42)))
math.randomseed(7)
local a = {math.random(), math.random(100), math.random(5, 10)}
math.randomseed(7)
local b = {math.random(), math.random(100), math.random(5, 10)}
print(a[1] == b[1], a[2] == b[2], a[3] == b[3])
math.randomseed(1.5)
math.randomseed("12")
print(pcall(math.randomseed))
print(pcall(function() math.randomseed() end))
print(pcall(function() math.randomseed("x") end))
print(pcall(function() math.randomseed({}) end))
local big = math.random(2^31 - 1)
print(big >= 1 and big <= 2^31 - 1)
local r = math.random(-2^31 + 1, 2^31 - 1)
print(r >= -2^31 + 1 and r <= 2^31 - 1)
