local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local function msg(f, ...) local ok, e = pcall(f, ...) assert(not ok, "expected failure") return e end
local here = "tests/lua/errors.lua:"
eq(msg(function() local t = nil; return t.x end), here .. "4: attempt to index local 't' (a nil value)", "index local")
eq(msg(function() return undefined_g.x end), here .. "5: attempt to index global 'undefined_g' (a nil value)", "index global")
eq(msg(function() local t = {} return t.a.b end), here .. "6: attempt to index field 'a' (a nil value)", "index field")
eq(msg(function() nofunc() end), here .. "7: attempt to call global 'nofunc' (a nil value)", "call global")
eq(msg(function() local t = {} t:m() end), here .. "8: attempt to call method 'm' (a nil value)", "call method")
eq(msg(function() return {} .. "" end), here .. "9: attempt to concatenate a table value", "concat table")
eq(msg(function() return 1 < nil end), here .. "10: attempt to compare number with nil", "compare nil")
eq(msg(function() local s = "x" return s + 1 end), here .. "11: attempt to perform arithmetic on local 's' (a string value)", "arith string")
eq(msg(function() return #nil end), here .. "12: attempt to get length of a nil value", "len nil")
eq(msg(function() local t = {} t[nil] = 1 end), here .. "13: table index is nil", "index nil")
eq(msg(error, "plain"), "plain", "error from pcall directly")
eq(msg(function() error("lvl1") end), here .. "15: lvl1", "error level 1")
eq(msg(function() error("lvl0", 0) end), "lvl0", "error level 0")
local function inner() error("lvl2", 2) end
local function outer() inner(); return 1 end
eq(msg(outer), here .. "18: lvl2", "error level 2")
local t = {}
eq(msg(error, t), t, "table error value")
eq(msg(error), nil, "nil error value")
eq(msg(function() error(42) end), here .. "23: 42", "number error gets position")
eq(msg(setmetatable, 1, {}), "bad argument #1 to '?' (table expected, got number)", "bad arg via pcall")
eq(msg(function() return ipairs(nil) end), here .. "25: bad argument #1 to 'ipairs' (table expected, got nil)", "bad arg named")
eq(msg(function() return ("x"):rep() end), here .. "26: bad argument #1 to 'rep' (number expected, got no value)", "method arg numbering")
eq(select("#", pcall(error)), 2, "pcall error count")
