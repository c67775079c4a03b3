-- Lua 5.1 (LUA_COMPAT_VARARG): vararg functions that never use '...' get a local 'arg'
function f(...) return arg.n, arg[1], arg[2] end
print(f())
print(f("a"))
print(f("a", "b", "c"))
print(f(nil, nil))
local function g(a, ...) return a, arg and arg.n, arg and arg[1] end
print(g(1, 2, 3))
local function h(...) local x = ... return x, arg end
print(h(5))
local function k(...)
  local total = 0
  for i = 1, arg.n do total = total + (arg[i] or 0) end
  return total, #arg
end
print(k(1, 2, 3, 4))
local function nonvararg(x) return arg end
print(type(nonvararg(1)))
