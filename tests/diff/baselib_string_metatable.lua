local mt = getmetatable("")
print(type(mt), mt.__index == string, rawequal(getmetatable("a"), getmetatable("b")))
print(("abc"):upper(), ("x"):rep(3))
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout())
local old = mt.__index
mt.__index = function(s, k) return function() return "dyn:" .. k end end
print(("x"):anything())
mt.__index = old
print(("x"):len())
print(pcall(function() return ("x").y.z end))
print(pcall(function() local s = "abc" s.x = 1 end))
mt.__add = function(a, b) return "added" end
print(pcall(function() return "a" + "b" end))
print(pcall(function() return "1" + "2" end))
mt.__add = nil
mt.__call = function(s, ...) return "call:" .. s end
print(pcall(function() return ("fn")() end))
mt.__call = nil
print(pcall(function() return ("fn")() end))
print(#"abc", pcall(function() return #setmetatable({}, {__len = function() return 5 end}) end))
