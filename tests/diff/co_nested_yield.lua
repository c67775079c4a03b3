local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  local r = deep(n - 1)
  return r .. "<" .. n
end
local co = coroutine.create(function() return deep(5) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resumed"))
local function helper(x) local got = coroutine.yield(x * 2) return got + 1 end
local co2 = coroutine.create(function(a)
  local b = helper(a)
  local c = helper(b)
  return a, b, c
end)
print(coroutine.resume(co2, 5))
print(coroutine.resume(co2, 100))
print(coroutine.resume(co2, 200))
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner1"); coroutine.yield("inner2") end)
  coroutine.yield("outer got " .. inner())
  coroutine.yield("outer got " .. inner())
  return "outer done"
end)
print(outer()); print(outer()); print(outer())
local obj = {v = 0}
function obj:step() self.v = self.v + 1; coroutine.yield(self.v) end
local m = coroutine.wrap(function() obj:step(); obj:step(); return "m" end)
print(m(), m(), m())
