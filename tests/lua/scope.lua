local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local x = 1
do local x = 2; eq(x, 2, "inner") end
eq(x, 1, "outer restored")
local x = x + 1
eq(x, 2, "redeclare uses previous")
for i = 1, 2 do local x = i * 10 end
eq(x, 2, "loop local does not leak")
eq(i, nil, "loop var does not leak")
local function f() return x end
local x = 100
eq(f(), 2, "closure binds earlier local")
local g = function() return undefined_thing end
eq(g(), nil, "global lookup")
local ok = pcall(function() local h = function(n) if n == 0 then return 0 end return h(n - 1) end return h(1) end)
eq(ok, false, "local function without 'local function' is not recursive")
local function rec(n) if n == 0 then return "ok" end return rec(n - 1) end
eq(rec(5), "ok", "local function recursive")
local a, a = 1, 2
eq(a, 2, "duplicate local takes last")
repeat local r = 5 until r == 5
local cond = 0
repeat local stop = cond > 2; cond = cond + 1 until stop
eq(cond, 4, "until sees body local")
