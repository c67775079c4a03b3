local function three() return 1, 2, 3 end
local function count(...) return select("#", ...) end
print(count(three()), count(three(), three()), count((three())))
print(count(three(), nil), count(nil, three()))
local function echo(...) return ... end
print(echo(echo(echo(three()))))
print(select("#", echo()), select("#", echo(nil)))
local t = {}
t.f = three
print(t.f())
local obj = {m = function(self, ...) return count(...) end}
print(obj:m(three()), obj:m(three(), 4), obj:m())
print(string.format("%d%d%d", three()))
print(tostring(three()), type(three()))
local s = 0
for _, v in ipairs({three()}) do s = s + v end
print(s)
local function pair() return "k", "v" end
local r = {}
r[pair()] = true
print(r.k, r.v)
