local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local function n(...) return select("#", ...) end
eq(n(), 0, "none"); eq(n(nil), 1, "one nil"); eq(n(nil, nil), 2, "two nils")
eq(select(-1, 1, 2, 3), 3, "select -1")
eq(select(2, "a", "b", "c"), "b", "select 2")
eq(n(select(2, "a", "b", "c")), 2, "select returns rest")
local function pack(...) return {...} end
eq(#pack(1, 2, 3), 3, "pack")
local function mid(...) return ..., "x" end
eq(n(mid(1, 2, 3)), 2, "vararg truncated in middle")
local function f(...) return arg.n, arg[1], arg[2] end
local an, a1, a2 = f("p", "q")
eq(an, 2, "arg.n"); eq(a1, "p", "arg[1]"); eq(a2, "q", "arg[2]")
local an0 = f()
eq(an0, 0, "arg.n empty")
local function g(...) local a, b = ... return a, b end
local x, y = g(5)
eq(x, 5, "local from vararg"); eq(y, nil, "missing vararg")
local function fwd(...) return n(...) end
eq(fwd(nil, nil, nil), 3, "forward nils")
eq(n(unpack({1, nil, 3}, 1, 3)), 3, "unpack explicit range")
eq(pcall(select, 0), false, "select 0 errors")
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
eq(sum(1, 2, 3, 4), 10, "sum via select")
local t = {n = select("#", nil, 2), nil, 2}
eq(t.n, 2, "n field")
