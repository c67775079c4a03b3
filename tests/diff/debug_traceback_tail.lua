-- tail calls in tracebacks.
local function cut(s) return (s:gsub("\n\t%[C%]: %?$", "")) end
local function leaf() print(cut(debug.traceback("tail"))) end
local function t1() return leaf() end
local function t2() return t1() end
t2()
local function loop(n) if n == 0 then return leaf() end return loop(n - 1) end
loop(3)
local function direct() return debug.traceback("direct") end
print(cut(direct()))
