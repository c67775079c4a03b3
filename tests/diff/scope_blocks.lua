local results = {}
for i = 1, 3 do
  local v = i * 10
  results[#results + 1] = v
end
print(table.concat(results, " "), v, i)
local n = 0
while n < 3 do
  local tmp = n
  n = n + 1
end
print(n, tmp)
do local hidden = "h" end
print(hidden)
local count = 0
repeat local inner = count; count = count + 1 until inner >= 2
print(count, inner)
local function outer()
  local l = "local to outer"
  return function() return l end
end
print(outer()(), l)
globalvar = "g"
do local globalvar = "shadow"; print(globalvar) end
print(globalvar)
