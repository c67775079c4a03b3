local mt = {__concat = function(a, b)
  local x = type(a) == "table" and a.n or a
  local y = type(b) == "table" and b.n or b
  return setmetatable({n = x .. "+" .. y}, getmetatable(type(a) == "table" and a or b))
end}
local A = setmetatable({n = "A"}, mt)
local B = setmetatable({n = "B"}, mt)
print((A .. B).n, (A .. "s").n, ("s" .. A).n, (1 .. A).n, (A .. B .. "c").n, ("a" .. "b" .. A).n)
print(pcall(function() return A .. nil end))
print(pcall(function() return {} .. A end).n)
print(pcall(function() return "x" .. {} end))
print(pcall(function() return "x" .. 1 .. {} end))
print(pcall(table.concat, {A}))
local s = setmetatable({}, {__tostring = function() return "S" end})
print(pcall(function() return "x" .. s end))
print(tostring(s) .. "x")
