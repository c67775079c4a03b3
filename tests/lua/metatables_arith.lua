local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local mt = {}
local function N(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
mt.__add = function(a, b) return N(val(a) + val(b)) end
mt.__sub = function(a, b) return N(val(a) - val(b)) end
mt.__mul = function(a, b) return N(val(a) * val(b)) end
mt.__div = function(a, b) return N(val(a) / val(b)) end
mt.__mod = function(a, b) return N(val(a) % val(b)) end
mt.__pow = function(a, b) return N(val(a) ^ val(b)) end
mt.__unm = function(a) return N(-a.v) end
mt.__concat = function(a, b) return tostring(val(a)) .. "&" .. tostring(val(b)) end
eq((N(2) + 3).v, 5, "add"); eq((3 + N(2)).v, 5, "radd")
eq((N(2) - 3).v, -1, "sub"); eq((3 - N(2)).v, 1, "rsub")
eq((N(2) * N(4)).v, 8, "mul"); eq((N(1) / 4).v, 0.25, "div")
eq((N(-7) % 3).v, 2, "mod"); eq((2 ^ N(10)).v, 1024, "rpow")
eq((-N(5)).v, -5, "unm")
eq(N(1) .. "x", "1&x", "concat right string"); eq(1 .. N(2), "1&2", "concat left number")
eq("a" .. "b" .. N(3), "ab&3", "concat chain is right-assoc")
eq(("10" + N(1)).v, 11, "string operand passed through")
local order = {}
local omt = {__add = function(a, b) order[#order + 1] = (type(a) == "table" and "T" or "n") .. (type(b) == "table" and "T" or "n") return 0 end}
local o = setmetatable({}, omt)
local _ = o + 1; _ = 1 + o; _ = o + o
eq(table.concat(order, ","), "Tn,nT,TT", "operand order preserved")
assert(not pcall(function() return {} + 1 end), "no metamethod errors")
