local f = string.format
local t = {}
for i = 1, 100 do t[i] = i end
local spec = string.rep("%d,", 100)
print(f(spec, unpack(t)))
print(pcall(f, spec, unpack(t, 1, 99)))
print(f("%s %s %s", "a", "b", "c", "d", "e"))
print(pcall(f, "%s %s", "only one"))
print(pcall(f, "%d %s %f", 1, "two"))
print(pcall(function() return f("%5.2f %q %x", 1, "q") end))
print(f("%%d %d %%", 5))
print(f(("%5s"):rep(3), "a", "b", "c"))
