local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
eq("\a\b\f\n\r\t\v", string.char(7, 8, 12, 10, 13, 9, 11), "control escapes")
eq("\\\"\'", string.char(92, 34, 39), "quote escapes")
eq("\65\066\0671", "ABC1", "decimal escapes")
eq(#"\0\00\000", 3, "zero escapes")
eq("\2550", string.char(255) .. "0", "three digit max")
eq("a\
b", "a\nb", "backslash newline")
eq("\q", "q", "unknown escape")
eq([[x]], "x", "long string")
eq([[
x]], "x", "first newline skipped")
eq([==[a]]b]=]c]==], "a]]b]=]c", "leveled long string")
eq([[\n]], "\\n", "no escapes in long strings")
eq(0x10, 16, "hex")
eq(0XfF, 255, "hex mixed case")
eq(1e2, 100, "exponent")
eq(1E-2, 0.01, "negative exponent")
eq(.5, 0.5, "leading dot")
eq(5., 5, "trailing dot")
eq(2.5e+1, 25, "explicit plus exponent")
local x = 1 --[[ comment ]] + 2 --[==[ another
multi-line ]==]
eq(x, 3, "long comments inside expressions")
--[[ comment
eq(1, 2, "should be commented out")
]]
---[[
x = 10
--]]
eq(x, 10, "line comment trick")
eq(loadstring("#!shebang\nreturn 1"), nil, "shebang only skipped in files")
local f = loadstring("return 'a' .. 'b'")
eq(f(), "ab", "loadstring basic")
eq(#"\z", 1, "\\z is just z in 5.1")
eq(("\r\n"):byte(2), 10, "crlf bytes")
