local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
assert(loop(1e7) == "done", "10 million tail calls")
local function acc(n, a) if n == 0 then return a end return acc(n - 1, a + n) end
assert(acc(1e6, 0) == 500000500000, "accumulating tail calls")
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
assert(even(1e6) == true, "mutual tail recursion")
local obj = {}
function obj:count(n) if n == 0 then return self end return self:count(n - 1) end
assert(obj:count(1e6) == obj, "method tail calls")
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
local a, b, c = multi(1e5)
assert(a == 1 and b == 2 and c == 3, "tail call keeps all results")
local function v(n, ...) if n == 0 then return select("#", ...) end return v(n - 1, ...) end
assert(v(1e5, 1, nil, 3) == 3, "varargs through tail calls")
