local fns = {}
do
  local shared = 0
  fns.add = function(n) shared = shared + n end
  fns.get = function() return shared end
  fns.reset = function() shared = 0 end
end
fns.add(3); fns.add(4)
print(fns.get())
fns.reset()
print(fns.get())
local function outer()
  local x = 1
  local function a() x = x * 2; return x end
  local function b() return function() x = x + 1; return x end end
  return a, b()
end
local a, b = outer()
print(a(), b(), a(), b())
local x = 5
local function readx() return x end
x = 6
print(readx())
local t = {}
for i = 1, 3 do
  local shared = i
  t[i] = {get = function() return shared end, set = function(v) shared = v end}
end
t[2].set(20)
print(t[1].get(), t[2].get(), t[3].get())
