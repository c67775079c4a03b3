-- the function name in "bad argument" messages comes from how it was called
local tinsert = table.insert
print(pcall(function() tinsert(nil, 1) end))
local up = string.rep
print(pcall(function() return up() end))
print(pcall(function() return string.rep() end))
local t = {fn = string.rep}
print(pcall(function() return t.fn() end))
print(pcall(function() return t["fn"]() end))
print(pcall(function() return ("x"):rep() end))
print(pcall(function() return ("x").rep() end))
print(pcall(function() local s = "x" return s:rep({}) end))
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return ("x"):bad() end))
g_rep = string.rep
print(pcall(function() return g_rep() end))
print(pcall(function() return (string.rep)() end))
print(pcall(function() local a = {b = {c = math.floor}} return a.b.c() end))
print(pcall(function() local obj = {m = string.sub} return obj:m() end))
print(pcall(function() local obj = {m = string.sub} return obj:m(1) end))
print(pcall(function() return setmetatable({}, {__index = function(t, k) return string.rep end}).zzz() end))
print(pcall(function() for i, v in ipairs(nil) do end end))
print(pcall(function() local f = ipairs({}) for i, v in f, nil, 0 do end end))
print(pcall(function() return math.max() end))
print(pcall(function() return tostring() end))
print(pcall(function() return select() end))
print(pcall(function() return coroutine.resume(1) end))
print(pcall(function() local co = coroutine return co.status() end))
