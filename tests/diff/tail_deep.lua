local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
local function countdown(n)
  if n <= 0 then return "liftoff", n end
  return countdown(n - 1)
end
print(countdown(1000000))
local t = {}
function t.step(n) if n == 0 then return "method done" end return t.step(n - 1) end
print(t.step(500000))
local obj = {n = 0}
function obj:inc(k) if k == 0 then return self.n end self.n = self.n + 1 return self:inc(k - 1) end
print(obj:inc(300000))
