-- getlocal: named locals, parameters, temporaries.
local function dump(level)
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    if type(value) == "function" or type(value) == "table" then value = type(value) end
    print("", i, name, value)
    i = i + 1
  end
end
local function f(a, b, ...)
  local c = a + b
  do
    local d = "inner"
    dump(1)
  end
  local e = true
  dump(1)
  return c
end
f(1, 2, 3, 4)
print("main")
local top = "top"
dump(1)
print(debug.getlocal(1, 0))
print(debug.getlocal(1, -1))
print(debug.getlocal(1, 100))
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal))
print(pcall(debug.getlocal, "x", 1))
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
