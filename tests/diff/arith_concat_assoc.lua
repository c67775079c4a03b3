print("a" .. "b" .. "c" .. "d")
print(1 .. 2 .. 3)
local mt = {__concat = function(a, b)
  local as = type(a) == "table" and a.name or tostring(a)
  local bs = type(b) == "table" and b.name or tostring(b)
  io.write("concat(", as, ",", bs, ") ")
  return setmetatable({name = "(" .. as .. bs .. ")"}, getmetatable(type(a) == "table" and a or b))
end}
local A = setmetatable({name = "A"}, mt)
local B = setmetatable({name = "B"}, mt)
local r = A .. B .. "c"
print(r.name)
r = "x" .. "y" .. A
print(r.name)
r = A .. "x" .. "y"
print(r.name)
local s = ""
for i = 1, 10 do s = s .. i end
print(s, #s)
print(("x"):rep(3) .. 1.5 .. -2)
