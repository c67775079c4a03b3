local mt = {
  __index = function(t, k) error("no field " .. k) end,
  __add = function(a, b) return a.v + b end,
  __newindex = function(t, k, v) error("readonly", 2) end,
  __call = function(self, x) return x.y end,
  __concat = function(a, b) error({reason = "concat"}) end,
  __lt = function(a, b) return nil + 1 end,
}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.foo end))
print(pcall(function() return obj + 1 end))
print(pcall(function() obj.x = 1 end))
print(pcall(function() return obj(nil) end))
local ok, e = pcall(function() return obj .. "s" end)
print(ok, e.reason)
print(pcall(function() return obj < obj end))
local ts = setmetatable({}, {__tostring = function() error("tostring failed") end})
print(pcall(tostring, ts))
