local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local s = "Hello"
eq(s:len(), 5, "len"); eq(#s, 5, "#")
eq(s:sub(2, 3), "el", "sub"); eq(s:sub(-3), "llo", "sub negative"); eq(s:sub(0), "Hello", "sub 0")
eq(s:sub(4, 2), "", "sub empty"); eq(s:sub(-100, 100), "Hello", "sub clamp")
eq(s:upper(), "HELLO", "upper"); eq(s:lower(), "hello", "lower")
eq(("ab"):rep(3), "ababab", "rep"); eq(("ab"):rep(0), "", "rep 0"); eq(("ab"):rep(-1), "", "rep negative")
eq(s:byte(), 72, "byte"); eq(s:byte(-1), 111, "byte -1"); eq(select("#", s:byte(1, -1)), 5, "byte range")
eq(s:byte(10), nil, "byte out of range")
eq(string.char(72, 105), "Hi", "char"); eq(string.char(), "", "char empty")
eq(s:reverse(), "olleH", "reverse"); eq((""):reverse(), "", "reverse empty")
eq(("a\0b"):len(), 3, "embedded zero"); eq(("a\0b"):reverse(), "b\0a", "reverse with zero")
eq(("x"):rep(3, "ignored"), "xxx", "extra args ignored")
eq(tostring(12):len(), 2, "number tostring len")
eq(string.len(123), 3, "number as string arg")
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bin = table.concat(all)
eq(#bin, 256, "all bytes")
for i = 0, 255 do assert(bin:byte(i + 1) == i, "byte roundtrip " .. i) end
eq(bin:upper():lower():len(), 256, "case roundtrip length")
