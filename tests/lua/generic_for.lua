local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local t = {10, 20, 30, nil, 50}
local c = 0
for i, v in ipairs(t) do c = c + 1 end
eq(c, 3, "ipairs stops at nil")
local keys = {}
for k in pairs({a = 1, b = 2, c = 3}) do keys[#keys + 1] = k end
table.sort(keys)
eq(table.concat(keys), "abc", "pairs visits all")
local s = 0
for k, v in next, {1, 2, 3} do s = s + v end
eq(s, 6, "next directly")
local function range(n) local i = 0 return function() i = i + 1 if i <= n then return i end end end
s = 0
for i in range(4) do s = s + i end
eq(s, 10, "closure iterator")
local function stateless(max, i) if i < max then return i + 1 end end
s = 0
for i in stateless, 5, 0 do s = s + i end
eq(s, 15, "stateless iterator")
local calls = 0
for a, b, c in function(_, x) calls = calls + 1 if (x or 0) < 2 then return (x or 0) + 1, "b", "c" end end do
  eq(b, "b", "extra loop vars")
end
eq(calls, 3, "iterator call count")
local del = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(del) do del[k] = nil end
eq(next(del), nil, "clearing during traversal")
local co_iter = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
s = 0
for v in co_iter do s = s + v end
eq(s, 6, "coroutine iterator")
