local defaults = {color = "red", size = 10}
local t = setmetatable({size = 20}, {__index = defaults})
print(t.color, t.size, t.missing)
print(rawget(t, "color"), rawget(t, "size"))
defaults.color = "blue"
print(t.color)
t.color = "green"
print(t.color, defaults.color)
t.color = nil
print(t.color)
local arr = setmetatable({}, {__index = {10, 20, 30}})
print(arr[1], arr[3], #arr)
local s = setmetatable({}, {__index = string})
print(s.upper("x"), s.format("%d", 5))
