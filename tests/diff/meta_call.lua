local callable = setmetatable({name = "obj"}, {__call = function(self, a, b)
  return self.name, a, b
end})
print(callable(1, 2))
print(callable())
print(pcall(callable, "via pcall"))
local adder = setmetatable({total = 0}, {__call = function(self, n) self.total = self.total + n; return self end})
adder(1)(2)(3)
print(adder.total)
local multi = setmetatable({}, {__call = function(_, ...) return select("#", ...), ... end})
print(multi(nil, nil))
local t = {f = callable}
print(t.f("field"))
local function tailcaller() return callable("tail") end
print(tailcaller())
for v in setmetatable({}, {__call = function(_, s, c) c = c + 1 if c <= 3 then return c end end}), nil, 0 do io.write(v, " ") end
print()
print(type(callable))
