-- setlocal changes a caller's locals.
local function set(name, value)
  local i = 1
  while true do
    local n = debug.getlocal(2, i)
    if not n then return nil end
    if n == name then return debug.setlocal(2, i, value) end
    i = i + 1
  end
end
local function f()
  local x, y = 1, 2
  print(set("x", 10), x, y)
  print(set("y", "two"), x, y)
  print(set("nope", 0))
  return x
end
print(f())
local a = 5
print(debug.setlocal(1, 1, 6), a)
print(debug.setlocal(1, 100, 6))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, "x", 1))
local n = 0
local function g(p) return p end
print(debug.setlocal(1, 2, "changed"), n)
