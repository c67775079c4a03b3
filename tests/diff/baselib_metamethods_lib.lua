-- library functions and metamethods: which ones respect them in 5.1
local mt = {
  __index = function(t, k) return "idx" .. tostring(k) end,
  __newindex = function(t, k, v) rawset(t, k, v .. "!") end,
  __len = function() return 99 end,
  __concat = function(a, b) return "cat" end,
  __eq = function() return true end,
  __lt = function() return true end,
  __le = function() return false end,
  __call = function(self, ...) return "called", ... end,
  __tostring = function() return "TOSTR" end,
  __unm = function() return "neg" end,
}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"), #t, t .. "s", "s" .. t, t == setmetatable({}, mt), t < t, t <= t)
print(t(1, 2), tostring(t), -t)
t.y = "v"
print(rawget(t, "y"))
print(table.getn(t), table.maxn(t), select("#", unpack(t)))
print(next(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n)
n = 0 for _ in ipairs(t) do n = n + 1 end print(n)
print(rawequal(t, setmetatable({}, mt)), rawequal(t, t))
print(pcall(table.concat, t))
print(pcall(string.rep, t, 2))
print(pcall(string.format, "%s", t))
print(pcall(string.len, t))
print(pcall(math.floor, t))
print(type(t), getmetatable(t) == mt)
print(pcall(table.insert, t, "v"))
print(rawget(t, 1))
