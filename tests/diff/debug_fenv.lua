-- debug.getfenv / debug.setfenv on every kind of object.
local env = {print = print}
local function f() return x end
print(debug.getfenv(f) == _G)
print(debug.setfenv(f, env) == f)
print(debug.getfenv(f) == env)
env.x = "from env"
print(f())
print(debug.getfenv(print) == _G)
local co = coroutine.create(function() end)
print(debug.getfenv(co) == _G)
print(debug.setfenv(co, env) == co, debug.getfenv(co) == env)
local u = newproxy()
print(type(debug.getfenv(u)))
print(debug.setfenv(u, env) == u, debug.getfenv(u) == env)
print(debug.getfenv(1), debug.getfenv("s"), debug.getfenv({}), debug.getfenv(nil))
print(pcall(debug.getfenv))
print(pcall(debug.setfenv, f))
print(pcall(debug.setfenv, f, 1))
print(pcall(debug.setfenv, {}, {}))
print(pcall(debug.setfenv, 1, {}))
print(pcall(debug.setfenv, "x", {}))
