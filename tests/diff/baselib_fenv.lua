print(getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G, getfenv(print) == _G)
local function f() return x end
local env = {x = "from env"}
print(setfenv(f, env) == f, f(), getfenv(f) == env)
print(pcall(setfenv, f, nil))
print(pcall(setfenv, f))
print(pcall(setfenv, 1, 2))
print(pcall(setfenv, print, {}))
print(pcall(setfenv, 100, {}))
print(pcall(getfenv, 100))
print(pcall(getfenv, -1))
print(pcall(setfenv, -1, {}))
print(pcall(getfenv, "x"))
print(pcall(getfenv, {}))
local function g() setfenv(1, {print = print, y = "Y"}) print(y) end
g()
local function h() return getfenv(2) end
print(h() == _G)
local function lvl2() local e = {} setfenv(2, e) end
local function caller() lvl2() return z end
print(pcall(caller))
print(pcall(setfenv, 0, _G))
print(getfenv(1.5) == _G, getfenv("1") == _G)
local function tail() return getfenv(2) end
local function calltail() return tail() end
print(pcall(calltail))
