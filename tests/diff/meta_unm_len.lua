local t = setmetatable({1, 2, 3}, {
  __unm = function(a) return "negated " .. #a end,
  __len = function() return 42 end,
})
print(-t)
-- in Lua 5.1 __len is not consulted for tables: # uses the raw length
print(#t)
local u = setmetatable({}, {__len = function() return 99 end})
print(#u)
local calls = 0
local n = setmetatable({}, {__unm = function(a, b) calls = calls + 1; return rawequal(a, b) end})
print(-n, calls)
