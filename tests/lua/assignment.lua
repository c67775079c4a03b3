local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local a, b, c = 1, 2
eq(c, nil, "missing value is nil")
local x, y = 1, 2, 3
eq(y, 2, "extra dropped")
a, b = b, a
eq(a, 2, "swap a"); eq(b, 1, "swap b")
local t = {1, 2, 3}
t[1], t[3] = t[3], t[1]
eq(t[1] .. t[3], "31", "table swap")
local i = 1
i, t[i] = i + 1, "set"
eq(t[1], "set", "index evaluated before assignment")
eq(i, 2, "i updated")
local function three() return 1, 2, 3 end
local p, q, r, s = three()
eq(r, 3, "call expands"); eq(s, nil, "beyond results")
p, q, r = three(), 10
eq(q, 10, "call truncated mid-list"); eq(r, nil, "after truncation")
p, q, r = 0, three()
eq(r, 2, "call last expands")
gx, gy = "gx", "gy"
eq(_G.gx .. _G.gy, "gxgy", "global multi assign")
local u = {}
u.a, u.b = 1
eq(u.b, nil, "field assign nil")
