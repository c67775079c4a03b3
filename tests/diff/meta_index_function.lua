local log = {}
local t = setmetatable({existing = 1}, {__index = function(tbl, key)
  log[#log + 1] = tostring(key)
  if type(key) == "number" then return key * 2 end
  return nil
end})
print(t.existing, t[5], t.nope, t[1.5])
print(table.concat(log, ","))
local calls = 0
local lazy = setmetatable({}, {__index = function(self, k) calls = calls + 1; local v = k .. "!"; rawset(self, k, v); return v end})
print(lazy.a, lazy.a, lazy.b, calls)
local fib = setmetatable({[0] = 0, [1] = 1}, {__index = function(self, n) local v = self[n - 1] + self[n - 2]; self[n] = v; return v end})
print(fib[50], fib[80])
local multi = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(multi.x)
local self_check = {}
setmetatable(self_check, {__index = function(tb, k) return tb == self_check, k end})
print(self_check.key)
