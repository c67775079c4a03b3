-- locals of vararg functions and of functions with many parameters.
local function v(...)
  local n = select("#", ...)
  for i = 1, 4 do print(i, debug.getlocal(1, i)) end
  return n
end
v(1, 2, 3)
local function w(a, b, c, d, e)
  for i = 1, 6 do print(i, debug.getlocal(1, i)) end
end
w("a", nil, "c")
local function old(...)
  for i = 1, 2 do
    local n, val = debug.getlocal(1, i)
    print(i, n, type(val))
  end
  return arg
end
old(1)
