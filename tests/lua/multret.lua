local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local function three() return 1, 2, 3 end
local function none() end
eq(#{three()}, 3, "ctor last expands")
eq(#{three(), three()}, 4, "ctor middle truncates")
eq(#{(three())}, 1, "parens truncate")
eq(#{none(), 1}, 2, "none in middle gives nil")
eq(select("#", none()), 0, "none returns nothing")
eq(select("#", (none())), 1, "parenthesized none is nil")
local a, b, c, d = three()
eq(c, 3, "c"); eq(d, nil, "d")
eq(math.max(three()), 3, "args expand")
eq(math.max(three(), 0), 1, "args truncate")
local function tail() return three() end
eq(select("#", tail()), 3, "return call expands")
local function paren() return (three()) end
eq(select("#", paren()), 1, "return paren truncates")
eq(string.format("%d%d%d", three()), "123", "format with multret")
local t = {three(), k = "v", three()}
eq(#t, 4, "mixed ctor")
local s = {string.byte("abc", 1, -1)}
eq(s[3], 99, "builtin multret")
