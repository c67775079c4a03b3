local s = "one\
two\
three"
print(s)
print(#s)
local n = 0
for _ in s:gmatch("\n") do n = n + 1 end
print("newlines", n)
local t = 'single\
quoted'
print(t, #t)
print("a\
\
b" == "a\n\nb")
