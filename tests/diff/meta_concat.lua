local mt = {__concat = function(a, b)
  local function s(v) if type(v) == "table" then return "<" .. v.n .. ">" end return tostring(v) end
  return s(a) .. "+" .. s(b)
end}
local x = setmetatable({n = "x"}, mt)
print(x .. "str")
print("str" .. x)
print(x .. 42)
print(42 .. x)
print(1.5 .. x)
print(x .. x)
print("a" .. "b" .. x)
print(x .. "a" .. "b")
local plain = {}
print(pcall(function() return plain .. x end))
print(pcall(function() return x .. true end))
print(pcall(function() return x .. nil end))
