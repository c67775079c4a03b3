local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
assert(depth(10000) == 10000, "10000 levels of non-tail recursion")
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
assert(fib(20) == 6765, "fib")
local function runaway() return 1 + runaway() end
local ok, err = pcall(runaway)
assert(not ok, "runaway recursion fails")
assert(type(err) == "string" and err:find("stack overflow", 1, true), "stack overflow message: " .. tostring(err))
local ok2, err2 = pcall(function() local function g(n) local t = {n} return g(n + 1)[1] end return g(1) end)
assert(not ok2 and err2:find("stack overflow", 1, true), "second overflow")
assert(depth(5000) == 5000, "recursion works again after overflow")
local co = coroutine.create(function() return depth(5000) end)
local okc, v = coroutine.resume(co)
assert(okc and v == 5000, "deep recursion inside coroutine")
local function build(n) if n == 0 then return {} end return {next = build(n - 1)} end
local list, count = build(3000), 0
while list do count = count + 1; list = list.next end
assert(count == 3001, "recursive construction")
