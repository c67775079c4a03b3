local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
assert(1 < 2 and 2 > 1 and 1 <= 1 and 1 >= 1 and 1 ~= 2, "numbers")
assert("a" < "b" and "A" < "a" and "" < "a" and "ab" < "abc", "strings")
assert("Z" < "a", "bytewise uppercase before lowercase")
assert("10" < "9", "string comparison not numeric")
assert("a\0b" < "a\0c", "embedded zeros")
assert("\255" > "\1", "high bytes")
local function errmsg(f) local ok, e = pcall(f) assert(not ok) return e end
assert(errmsg(function() return 1 < "2" end):find("attempt to compare number with string", 1, true), "num<str")
assert(errmsg(function() return {} < {} end):find("attempt to compare two table values", 1, true), "tables")
assert(errmsg(function() return nil < 1 end):find("attempt to compare nil with number", 1, true), "nil<num")
assert(errmsg(function() local x; return 1 <= x end):find("attempt to compare number with nil", 1, true), "num<=nil")
eq(1 == "1", false, "mixed equality")
eq({} == {}, false, "table identity")
local t = {}
eq(t == t, true, "same table")
eq(nil == false, false, "nil vs false")
local zero = 0
local nan = zero / zero
eq(nan == nan, false, "nan eq")
eq(nan < nan, false, "nan lt")
eq(nan >= nan, false, "nan ge")
eq(not (nan > 1), true, "not nan gt")
