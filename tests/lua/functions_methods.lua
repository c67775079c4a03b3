local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local a = {b = {c = {}}}
function a.b.c.f(x) return x * 2 end
function a.b.c:m(x) return self, x end
eq(a.b.c.f(4), 8, "dotted function")
local self_, x = a.b.c:m(5)
eq(self_, a.b.c, "method self"); eq(x, 5, "method arg")
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
eq(Point.new(1, 2):add(Point.new(2, 2)):len2(), 25, "chained methods")
local s = "abc"
eq(s:upper(), "ABC", "string method")
eq(("x"):rep(3), "xxx", "literal method")
eq(#s:rep(2), 6, "method then length")
local function va(...) return select("#", ...) end
eq(va(), 0, "no args")
local function defaults(p, q) return p, q end
local p, q = defaults(1)
eq(q, nil, "missing param nil")
local anon = (function(n) return n + 1 end)(1)
eq(anon, 2, "iife")
local t = {fn = function(self) return self end}
eq(t:fn(), t, "method call on field")
eq(t.fn(1), 1, "dot call no self")
