print(math.pi, math.huge, -math.huge, string.format("%.17g", math.pi))
print(math.huge == 1/0, math.huge > 1e308, type(math.pi))
local names = {}
for k, v in pairs(math) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
math.pi = 3
print(math.pi)
