local x = 1
print(x)
do
  local x = 2
  print(x)
  do
    local x = x + 1
    print(x)
  end
  print(x)
end
print(x)
local x = x + 10
print(x)
local function f(x) x = x * 2; return x end
print(f(5), x)
local a, a = 1, 2
print(a)
for x = 1, 2 do local x = x * 100; io.write(x, " ") end
print(x)
local y = "outer"
local function g() return y end
local y = "inner"
print(g(), y)
if true then local z = 1 end
print(z)
