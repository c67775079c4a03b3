print(string.byte("A"), ("ABC"):byte(2), ("ABC"):byte(-1), ("ABC"):byte(1, 3))
print(("ABC"):byte(10), select("#", ("ABC"):byte(10)), select("#", ("ABC"):byte(3, 1)))
print(("ABC"):byte(0), ("ABC"):byte(-10, 10))
print(string.char(72, 105), string.char(), #string.char(0, 0), string.char(255):byte())
print(string.char(("hello"):byte(1, -1)))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(#s, s:byte(1), s:byte(256), s:sub(66, 70))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(function() return string.char("x") end))
print(string.char("65", 66.0))
