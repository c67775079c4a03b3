-- getupvalue: names and values.
local a, b = 1, "two"
local t = {}
local function f() return a, b, t end
local i = 1
while true do
  local name, value = debug.getupvalue(f, i)
  if not name then break end
  print(i, name, type(value), value == t or value)
  i = i + 1
end
print(debug.getupvalue(f, 0))
print(debug.getupvalue(f, 4))
print(debug.getupvalue(f, -1))
print(select("#", debug.getupvalue(f, 4)))
print(select("#", debug.getupvalue(print, 1)))
print(select("#", debug.getupvalue(string.gmatch("x", "x"), 1)))
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c = counter()
c() c()
print(debug.getupvalue(c, 1))
