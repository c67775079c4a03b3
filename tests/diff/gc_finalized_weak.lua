-- a finalized userdata leaves weak-value tables (5.1's rule), keys stay
local t = setmetatable({}, {__mode = 'v'})
local k = setmetatable({}, {__mode = 'k'})
local p = newproxy(true)
getmetatable(p).__gc = function(u) print("gc", t[1] == nil) end
t[1] = p
p = nil
collectgarbage()
print("after1", t[1] == nil)
-- a __gc that is a callable table is called; one that is a string errors
local s = newproxy(true)
getmetatable(s).__gc = setmetatable({}, {__call = function(_, u) print("gc called", type(u)) end})
s = nil
collectgarbage()
local bad = newproxy(true)
getmetatable(bad).__gc = "not callable"
bad = nil
print(pcall(collectgarbage))
