local function f() return x, y end
x, y = "gx", "gy"
print(f())
setfenv(f, {x = "ex"})
print(f())
local env = {print = print}
local g = loadstring("z = 10 print(z, x)")
setfenv(g, env)
g()
print(z, env.z)
local function h()
  local e = {tostring = tostring}
  setfenv(1, e)
  w = 5
  return tostring(w)
end
print(h(), w)
print(pcall(setfenv, f, 5))
print(pcall(setfenv, 1.5, {}))
