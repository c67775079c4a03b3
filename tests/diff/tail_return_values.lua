local function multi(n) return n, n * 2, n * 3 end
local function tail(n) return multi(n) end
print(tail(5))
print((tail(5)))
local function tail_varargs(...) return select("#", ...), ... end
local function t2(...) return tail_varargs(...) end
print(t2(1, nil, 3, nil))
local function tail_builtin(s) return string.byte(s, 1, -1) end
print(tail_builtin("abc"))
local function tail_pcall() return pcall(error, "e", 0) end
print(tail_pcall())
local function not_tail(n) return (multi(n)) end
print(not_tail(7))
local function tail_method(o) return o:get() end
print(tail_method({v = 9, get = function(self) return self.v, "m" end}))
local depth = 0
local function tail_count(n) depth = depth + 1; if n > 0 then return tail_count(n - 1) end return depth end
print(tail_count(100000))
