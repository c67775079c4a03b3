local function f() return 1 + f() end
local ok, e = pcall(f)
print(ok, type(e), string.find(e, "stack overflow", 1, true) ~= nil)
local depth = 0
local function g() depth = depth + 1; local x = g(); return x end
ok, e = pcall(g)
print(ok, string.find(e, "stack overflow", 1, true) ~= nil, depth > 100)
local function h(n) return h(n + 1) + 1 end
ok, e = pcall(h, 1)
print(ok, string.find(e, "stack overflow", 1, true) ~= nil)
print(pcall(function() return "still works after overflow" end))
local function ok_depth(n) if n == 0 then return 0 end return 1 + ok_depth(n - 1) end
print(ok_depth(5000))
