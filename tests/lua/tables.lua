local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local t = {1, 2, x = "x", 3, [10] = 10; 4,}
eq(#t, 4, "positional count"); eq(t.x, "x", "named"); eq(t[10], 10, "bracket key")
local big = {}
local src = {}
for i = 1, 120 do src[i] = tostring(i) end
local f = loadstring("return {" .. table.concat(src, ",") .. "}")
big = f()
eq(#big, 120, "120 items through SetList batches")
eq(big[50] + big[51] + big[120], 221, "values across batch boundary")
local function three() return "a", "b", "c" end
local g = loadstring("local three = ... return {" .. table.concat(src, ",") .. ", three()}")
local bt = g(three)
eq(#bt, 123, "multret after many items"); eq(bt[123], "c", "last multret value")
local n = {}
for i = 1, 100 do n[#n + 1] = i end
eq(#n, 100, "append with #")
n[#n] = nil
eq(#n, 99, "remove last")
local k = {}
local key = {}
k[key] = "table key"; k[1.5] = "float key"; k[true] = "bool key"
eq(k[key], "table key", "table as key"); eq(k[1.5], "float key", "float key"); eq(k[true], "bool key", "bool key")
k[2] = "two"; eq(k[2.0], "two", "2 and 2.0 same key")
local nested = {a = {b = {c = {d = "deep"}}}}
eq(nested.a.b.c.d, "deep", "nested access")
local cnt = 0
for _ in pairs({a = 1, b = 2, [1] = 1, [2] = 2}) do cnt = cnt + 1 end
eq(cnt, 4, "pairs count")
eq(#"", 0, "empty string length")
eq(#{n = 1}, 0, "hash only length")
