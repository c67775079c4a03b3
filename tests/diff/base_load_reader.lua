local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(type(f), f(), i)
local chunks = {"local a, b = ...; ", "return a * b"}
local j = 0
print(load(function() j = j + 1; return chunks[j] end)(6, 7))
print(select("#", load(function() return nil end)))
print(type(load(function() return nil end)))
local once = true
print(load(function() if once then once = false; return "return 'single'" end end)())
local k = 0
print(load(function() k = k + 1; if k == 1 then return "x = = 1" end end, "=reader"))
local bytes = "return 'byte by byte'"
local pos = 0
print(load(function() pos = pos + 1; if pos <= #bytes then return bytes:sub(pos, pos) end end)())
print(type(load(function() return "" end)), select("#", load(function() return "" end)()))
local n = 0
print(pcall(load, function() n = n + 1; if n == 1 then return 5 end end))
print(pcall(load, function() error("reader failed") end))
print(pcall(load))
