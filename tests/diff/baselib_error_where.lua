-- where error positions come from
local function tailer() return error("from tail", 2) end
local function caller() return tailer() end
print(pcall(caller))
local function lvl2() error("level 2", 2) end
local function direct() lvl2() end
print(pcall(direct))
print(pcall(function() lvl2() end))
local t = setmetatable({}, {__index = function(t, k) error("in __index", 2) end})
print(pcall(function() return t.x end))
local u = setmetatable({}, {__add = function() error("in __add") end})
print(pcall(function() return u + 1 end))
print(pcall(function() return ("x"):rep(1, 2, error("arg eval")) end))
local co = coroutine.wrap(function() error("co level 2", 2) end)
print(pcall(co))
print(pcall(string.gsub, "x", "x", function() error("in repl", 2) end))
print(pcall(table.sort, {2, 1}, function() error("in cmp", 2) end))
print(pcall(function() table.sort({2, 1}, function() error("in cmp 3", 3) end) end))
print(pcall(loadstring("error('chunk lvl1')", "=mychunk")))
print(pcall(loadstring("error('chunk lvl2', 2)", "=mychunk")))
print(pcall(loadstring("local function f() error('in f', 2) end\nf()", "=two")))
