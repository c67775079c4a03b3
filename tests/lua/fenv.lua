local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
eq(getfenv(), _G, "getfenv()"); eq(getfenv(0), _G, "getfenv(0)"); eq(getfenv(1), _G, "getfenv(1)")
local function f() return marker end
setfenv(f, {marker = "custom"})
eq(f(), "custom", "setfenv(f, t)")
eq(getfenv(f).marker, "custom", "getfenv(f)")
local function g() setfenv(1, {marker = "level1"}) return marker end
eq(g(), "level1", "setfenv(1, t)")
eq(marker, nil, "global untouched")
local h = loadstring("newvar = 1")
local env = {}
setfenv(h, env)
h()
eq(env.newvar, 1, "chunk writes into env"); eq(newvar, nil, "not into _G")
local function level2() return getfenv(2) end
local function caller() local e = level2() return e end
setfenv(caller, env)
eq(caller(), env, "getfenv(2)")
eq(setfenv(f, _G), f, "setfenv returns function")
eq(f(), nil, "restored env")
local function maker() return function() return val end end
setfenv(maker, {val = "inherited"})
eq(maker()(), "inherited", "closures inherit creator env")
assert(not pcall(setfenv, print, {}), "cannot set C function env")
