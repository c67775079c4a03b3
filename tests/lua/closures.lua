local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local function counter() local n = 0 return function() n = n + 1 return n end end
local c1, c2 = counter(), counter()
c1(); c1()
eq(c1(), 3, "counter 1"); eq(c2(), 1, "independent counter")
local get, set
do local v = 1; get = function() return v end; set = function(n) v = n end end
set(42)
eq(get(), 42, "shared upvalue")
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
eq(fs[1]() + fs[2]() + fs[3](), 6, "fresh numeric for var")
local gs = {}
for k, v in ipairs({"a", "b"}) do gs[k] = function() return v end end
eq(gs[1]() .. gs[2](), "ab", "fresh generic for var")
local ws, i = {}, 0
while i < 3 do i = i + 1; local j = i; ws[i] = function() return j end end
eq(ws[1]() + ws[3](), 4, "while locals fresh")
local rs, k = {}, 0
repeat k = k + 1; local m = k; rs[k] = function() return m end until m == 3
eq(rs[2](), 2, "repeat locals fresh")
local bs = {}
for n = 1, 10 do local q = n; bs[#bs + 1] = function() q = q + 1; return q end; if n == 2 then break end end
eq(bs[1](), 2, "closed on break"); eq(bs[1](), 3, "upvalue mutable after close"); eq(bs[2](), 3, "other closure")
local function outer() local x = 0 return function() return function() x = x + 1 return x end end end
local mk = outer()
local f1, f2 = mk(), mk()
f1(); f2()
eq(f1(), 3, "deep shared upvalue")
local acc = {}
for i = 1, 3 do local function inner() return i * 2 end acc[i] = inner end
eq(acc[3](), 6, "named local function in loop")
