-- nups of Lua and C functions.
local a, b, c = 1, 2, 3
local function none() return 1 end
local function one() return a end
local function three() return a + b + c end
local function nested() return function() return a + c end end
print(debug.getinfo(none, "u").nups)
print(debug.getinfo(one, "u").nups)
print(debug.getinfo(three, "u").nups)
print(debug.getinfo(nested(), "u").nups)
print(debug.getinfo(print, "u").nups)
print(debug.getinfo(string.gmatch("a", "a"), "u").nups)
print(debug.getinfo(coroutine.wrap(function() end), "u").nups)
print(debug.getinfo(1, "u").nups)
