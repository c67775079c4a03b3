print(getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
local function f() return x_env end
local env = {x_env = "from custom env"}
print(f())
print(setfenv(f, env) == f)
print(f(), getfenv(f) == env)
x_env = "global"
print(f())
local function g()
  setfenv(1, {print = print, tostring = tostring})
  y = "set in new env"
  print(y, tostring(x_env))
end
g()
print(y)
local function outer() return getfenv(2) end
print(outer() == _G)
local h = loadstring("return value_in_env")
setfenv(h, {value_in_env = 99})
print(h())
local proxy_env = setmetatable({}, {__index = _G})
local k = loadstring("newglobal = 5; return math.max(newglobal, 3)")
setfenv(k, proxy_env)
print(k(), newglobal, proxy_env.newglobal)
print(pcall(setfenv, 1, 2))
print(pcall(getfenv, -1))
print(type(getfenv(print)), getfenv(print) == _G)
print(pcall(setfenv, print, {}))
