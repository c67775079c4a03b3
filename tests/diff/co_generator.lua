local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = {}
for i in range(5) do s[#s + 1] = i end
print(table.concat(s, " "))
local function perm(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perm(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local out = {}
for p in coroutine.wrap(function() perm({1, 2, 3}) end) do out[#out + 1] = table.concat(p) end
print(table.concat(out, " "))
local function fib_gen() return coroutine.wrap(function() local a, b = 0, 1 while true do coroutine.yield(a) a, b = b, a + b end end) end
local g = fib_gen()
for i = 1, 12 do io.write(g(), " ") end print()
local function filter(pred, gen) return coroutine.wrap(function() for v in gen do if pred(v) then coroutine.yield(v) end end end) end
for v in filter(function(x) return x % 2 == 0 end, range(10)) do io.write(v, " ") end print()
local function tree_iter(t) return coroutine.wrap(function()
  local function walk(n) if n then walk(n.l) coroutine.yield(n.v) walk(n.r) end end
  walk(t) end) end
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}}}
for v in tree_iter(tree) do io.write(v, " ") end print()
