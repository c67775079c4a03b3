local a = {1, 2, 3,}
local b = {1; 2; 3;}
local c = {1, 2; 3}
local d = {x = 1; y = 2, z = 3;}
print(#a, #b, #c, d.x + d.y + d.z)
local e = {
  "multi",
  "line";
  key = "value",
}
print(#e, e[1], e[2], e.key)
local f = {[1]=1;[2]=2,}
print(#f)
print(#{}, #{n = 1}, #{1, 2, nil, x = 1} >= 2)
