local fns = {}
for i = 1, 5 do
  fns[i] = function() return i end
end
for j = 1, 5 do io.write(fns[j](), " ") end
print()
local g = {}
for i = 10, 1, -3 do
  g[#g + 1] = function() i = i + 1; return i end
end
print(g[1](), g[1](), g[2](), #g)
local h = {}
for i = 1, 3 do
  local j = i * 2
  h[i] = function() return i, j end
end
print(h[1]()); print(h[3]())
