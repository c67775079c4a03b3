local parts = {"return ", "1 ", "+ 41"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
print(load(function() return nil end))
print(type(load(function() return nil end)))
local once = false
print(load(function() if once then return nil end once = true return "syntax(" end))
-- (inside pcall: 5.1 passes a reader error to the enclosing error handler)
print(pcall(function() return load(function() return {} end) end))
print(pcall(function() return load(function() error("reader failed") end) end))
print(pcall(load))
print(pcall(load, "return 1"))
print(pcall(load, nil))
local n = 0
print(load(function() n = n + 1 if n == 1 then return "return 'chunk'" end return "" end, "=mychunk")())
n = 0
print(load(function() n = n + 1 if n == 1 then return 42 end end))
local k = 0
local f = load(function() k = k + 1 if k == 1 then return "error('x')" end end, "=loaded")
print(pcall(f))
k = 0
print(load(function() k = k + 1 if k <= 3 then return "x" end end))
print(pcall(function() return load(function() return false end) end))
