local t = {}
for i = 1, 10000 do t[i] = tostring(i % 10) end
local s = table.concat(t)
print(#s, s:sub(1, 20), s:sub(-5))
local s2 = table.concat(t, ", ")
print(#s2)
local w = {}
for i = 1, 1000 do w[i] = string.rep("w", 100) end
print(#table.concat(w, "\n"))
