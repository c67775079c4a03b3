local function handler(e) return "handled: " .. tostring(e) end
print(xpcall(function() error("oops", 0) end, handler))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() local t = nil; return t.x end, handler))
print(xpcall(function() error("multi", 0) end, function(e) return e, "second" end))
local seen
print(xpcall(function() error("x", 0) end, function(e) seen = e; return nil end))
print(seen)
print(xpcall(error, handler))
print(pcall(xpcall))
print(xpcall(function() error("inner", 0) end, function(e) return (pcall(error, "again")) end))
local function lvl() error("at level 2", 2) end
print(xpcall(function() lvl() end, handler))
print(select("#", xpcall(function() end, handler)))
