local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local co
co = coroutine.create(function(a, b)
  eq(coroutine.status(co), "running", "status running")
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
eq(coroutine.status(co), "suspended", "status suspended")
local ok, v = coroutine.resume(co, 1, 2)
eq(ok, true, "resume ok"); eq(v, 3, "first yield")
ok, v = coroutine.resume(co, 5)
eq(v, 10, "second yield")
ok, v = coroutine.resume(co, 3, 4)
eq(v, 7, "return value"); eq(coroutine.status(co), "dead", "status dead")
ok, v = coroutine.resume(co)
eq(ok, false, "resume dead"); eq(v, "cannot resume dead coroutine", "dead message")
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.status(outer) end)
  local _, st = coroutine.resume(inner)
  return st
end)
local _, st = coroutine.resume(outer)
eq(st, "normal", "status normal")
eq(coroutine.running(), nil, "running in main is nil")
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
eq(gen() + gen() + gen(), 6, "wrap generator")
local function deep(n) if n == 0 then return coroutine.yield("deep") end return deep(n - 1) end
local dc = coroutine.create(function() return deep(100) end)
local _, y = coroutine.resume(dc)
eq(y, "deep", "yield across nested Lua calls")
local _, r = coroutine.resume(dc, "back")
eq(r, "back", "value travels back")
eq(select("#", coroutine.resume(coroutine.create(function() coroutine.yield() end))), 1, "empty yield")
local self_co
self_co = coroutine.create(function() return coroutine.resume(self_co) end)
local _, ok2, msg = coroutine.resume(self_co)
eq(ok2, false, "resume running fails"); eq(msg, "cannot resume running coroutine", "running message")
local many = {}
for i = 1, 100 do many[i] = coroutine.create(function(x) local y = coroutine.yield(x * 2) return y + x end) end
local total = 0
for i = 1, 100 do local _, a = coroutine.resume(many[i], i); total = total + a end
for i = 1, 100 do local _, b = coroutine.resume(many[i], 1); total = total + b end
eq(total, 10100 + 5050 + 100, "many coroutines")
