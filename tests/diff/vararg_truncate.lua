local function three() return 1, 2, 3 end
local function va(...) return ... end
print(va(1, 2, 3), "x")
print("x", va(1, 2, 3))
print(va(three()), va(three()))
print((va(1, 2, 3)))
local t = {va(1, 2), va(3, 4)}
print(#t, t[1], t[2], t[3])
local function count(...) return select("#", ...) end
print(count(va(1, 2, 3), va(4, 5, 6)))
print(count(va()), count(va(), va()), count((va())))
print(count(three(), nil), count(nil, three()))
local s = string.format("%s %s %s", va("a", "b", "c"))
print(s)
print(math.max(va(3, 9, 2)), math.max(va(3, 9, 2), 1))
