-- table.insert/remove in the middle shift elements; cellua moves a run in
-- the array part at once: results must not depend on where elements live.
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end print(table.concat(o, ",")) end
local a = {} for i = 1, 10 do a[i] = i end
table.insert(a, 1, 0) table.insert(a, 5, "x") show(a, 13)
print(table.remove(a, 1), table.remove(a, 4), #a) show(a, 12)
-- Elements in the hash part (filled backwards).
local h = {} for i = 12, 1, -1 do h[i] = i * 10 end
table.insert(h, 3, "y") show(h, 14) print(table.remove(h, 2), #h) show(h, 14)
-- A table whose array part is smaller than #t.
local m = {1, 2, 3} m[4] = 4 m[5] = 5 m[6] = 6
table.insert(m, 2, "z") show(m, 8) print(table.remove(m, 1)) show(m, 8)
-- Position past the end, and removing the last.
local p = {1, 2} table.insert(p, 5, "far") show(p, 6) print(#p >= 2)
local q = {"only"} print(table.remove(q, 1), #q, table.remove(q))
-- Many front insertions and removals.
local s = {} for i = 1, 300 do table.insert(s, 1, i) if #s > 50 then table.remove(s, 1 + i % #s) end end
local sum = 0 for i = 1, #s do sum = sum + s[i] end print(#s, sum, s[1], s[#s])
