local t = {}
print(#t)
for i = 1, 10 do t[i] = i end
print(#t)
t[#t + 1] = 11
print(#t)
t[#t] = nil
print(#t)
table.insert(t, "x")
print(#t, t[#t])
local s = {"a", "b", "c"}
s[#s] = nil; s[#s] = nil
print(#s, s[1])
local grow = {}
for i = 1, 100 do grow[#grow + 1] = i * i end
print(#grow, grow[100])
local str = "hello"
print(#str, #"", #"\0\0")
local strs = {n = 3}
print(#strs)
local nested = {{1, 2}, {3}}
print(#nested, #nested[1], #nested[2])
