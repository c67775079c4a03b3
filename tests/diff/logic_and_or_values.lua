print(1 and 2, nil and 2, false and 2, 1 and nil, 1 and false)
print(1 or 2, nil or 2, false or 2, nil or false, false or nil)
print(0 and "zero is true", "" and "empty is true")
print(nil and nil, false or false)
local x = nil
local v = x and x.field or "default"
print(v)
print(1 and 2 or 3, nil and 2 or 3, 1 and false or 3)
print((nil or false) == false, (false or nil) == nil)
local t = {}
print((t or 1) == t, (t and 1))
print(select("#", nil and 1), select("#", (nil and 1)))
local a = false
a = a or {}
print(type(a))
print(1 == 1 and "yes" or "no", 1 == 2 and "yes" or "no")
