-- After deep recursion a collection gives the stack back, and deep
-- recursion still works afterwards.
local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end
assert(f(15000) == 15000)
collectgarbage()
assert(collectgarbage("count") < 4096, collectgarbage("count"))
local function g(n, ...) if n == 0 then return select('#', ...) end return g(n - 1, n, ...) end
assert(g(150) == 150)
collectgarbage()
assert(f(15000) == 15000)
local co = coroutine.wrap(function() local r = f(10000); collectgarbage(); coroutine.yield(r); return f(12000) end)
assert(co() == 10000 and co() == 12000)
