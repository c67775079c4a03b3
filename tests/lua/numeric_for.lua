local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local function collect(a, b, c) local t = {} for i = a, b, c do t[#t + 1] = i end return table.concat(t, ",") end
eq(collect(1, 5, 1), "1,2,3,4,5", "basic")
eq(collect(5, 1, -1), "5,4,3,2,1", "negative step")
eq(collect(1, 0, 1), "", "empty")
eq(collect(1, 2, 0.5), "1,1.5,2", "fractional")
eq(collect(10, 1, -4), "10,6,2", "negative stride")
eq(collect(1, 1, 1), "1", "single")
local n = 0
for i = 0, 1, 0.1 do n = n + 1 end
eq(n, 11, "float accumulation 0..1 step .1")
local seen = {}
for i = 1, 3 do seen[#seen + 1] = i; i = i * 100 end
eq(table.concat(seen, ","), "1,2,3", "modifying loop var")
local lim = 3
local cnt = 0
for i = 1, lim do lim = 100; cnt = cnt + 1 end
eq(cnt, 3, "limit evaluated once")
local ok, e = pcall(function() for i = 1, "x" do end end)
assert(not ok and e:find("'for' limit must be a number", 1, true), "limit error")
ok, e = pcall(function() for i = nil, 1 do end end)
assert(not ok and e:find("'for' initial value must be a number", 1, true), "initial error")
ok, e = pcall(function() for i = 1, 2, {} do end end)
assert(not ok and e:find("'for' step must be a number", 1, true), "step error")
local s = 0
for i = "1", "3" do s = s + i end
eq(s, 6, "string bounds coerced")
