local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
eq(1 and 2, 2, "and returns second")
eq(nil and 2, nil, "and returns nil")
eq(false and error("not evaluated"), false, "and short circuit")
eq(1 or error("not evaluated"), 1, "or short circuit")
eq(nil or "d", "d", "or default")
eq(false or nil, nil, "or returns last")
eq(nil or false, false, "or returns last false")
eq(not nil, true, "not nil")
eq(not 0, false, "zero is truthy")
eq(not "", false, "empty string truthy")
eq(1 and nil or 3, 3, "ternary pitfall")
local n = 0
local function inc() n = n + 1 return true end
local _ = false and inc()
local _ = true or inc()
eq(n, 0, "no evaluation")
local _ = nil or inc()
eq(n, 1, "evaluated once")
local t = {}
eq((t and t.x) or "none", "none", "guarded index")
eq(select("#", (nil and 1)), 1, "and yields one value")
