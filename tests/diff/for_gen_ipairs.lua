for i, v in ipairs({"a", "b", "c"}) do io.write(i, "=", v, " ") end print()
for i, v in ipairs({1, 2, nil, 4}) do io.write(i, " ") end print()
for i, v in ipairs({}) do io.write("never") end print("empty")
for i, v in ipairs({[2] = "x"}) do io.write("never") end print("starts at 1")
local t = {10, 20, 30, x = "ignored", [5] = 50}
local n = 0
for i, v in ipairs(t) do n = n + v end print(n)
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 2))
print(f(t, 3))
local grow = {1, 2, 3}
for i, v in ipairs(grow) do if i <= 3 then grow[#grow + 1] = v * 10 end io.write(v, " ") end print()
local shrink = {1, 2, 3, 4, 5}
for i, v in ipairs(shrink) do shrink[i + 1] = nil; io.write(v, " ") end print()
