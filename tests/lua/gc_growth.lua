-- Growing tables and stacks counts toward starting a collection: garbage
-- made only of grown tables or deep coroutine stacks is collected.
local t
for i = 1, 400 do
  t = {}
  for j = 1, 20000 do t[j] = j end
end
assert(collectgarbage("count") < 64 * 1024, collectgarbage("count"))
local function rec(n) if n == 0 then coroutine.yield() return 0 end return 1 + rec(n - 1) end
for i = 1, 300 do
  local co = coroutine.create(rec)
  coroutine.resume(co, 10000)
end
assert(collectgarbage("count") < 64 * 1024, collectgarbage("count"))
