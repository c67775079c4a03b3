-- string.len: bytes, embedded zeros, numbers, wrong types
print(string.len(""), string.len("abc"), string.len("a\0b\0"), ("\255\254"):len())
print(string.len(123), string.len(1.5), string.len(-0.0), string.len(1e100))
print(#"\0\0\0", string.len(string.rep("x", 1000)))
print(pcall(string.len))
print(pcall(function() return string.len() end))
print(pcall(function() return string.len(nil) end))
print(pcall(function() return string.len({}) end))
print(pcall(function() return string.len(true) end))
print(pcall(function() return ("x").len(print) end))
local s = "hello"
print(s:len(), s.len(s))
print(pcall(function() local t = setmetatable({}, {__tostring = function() return "x" end}) return string.len(t) end))
