local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step or 1 do coroutine.yield(i) end
  end)
end
local s = 0
for i in range(100) do s = s + i end
print(s)
local function filter(pred, gen)
  return coroutine.wrap(function()
    for v in gen do if pred(v) then coroutine.yield(v) end end
  end)
end
local function map(f, gen)
  return coroutine.wrap(function() for v in gen do coroutine.yield(f(v)) end end)
end
local out = {}
for v in map(function(x) return x * x end, filter(function(x) return x % 3 == 0 end, range(30))) do out[#out + 1] = v end
print(table.concat(out, " "))
local function fib()
  return coroutine.wrap(function() local a, b = 0, 1 while true do coroutine.yield(a) a, b = b, a + b end end)
end
local g = fib()
local f = {}
for i = 1, 20 do f[i] = g() end
print(table.concat(f, ","))
