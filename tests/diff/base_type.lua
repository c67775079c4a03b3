print(type(nil), type(true), type(false), type(0), type(1.5), type(""), type("x"))
print(type({}), type(print), type(function() end), type(type))
print(type(coroutine.create(function() end)), type(newproxy()))
print(type(type(1)), type(nil) == "nil")
print(pcall(type))
local function f() return type() end
print(pcall(f))
print(type(math), type(string), type(_G), type(io.write))
