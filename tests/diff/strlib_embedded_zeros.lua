local z = "a\0b\0\0c"
print(#z, z:len(), z:byte(1, -1))
print(z:upper():byte(1, -1))
print(z:reverse():byte(1, -1))
print(z:rep(2):len(), z:sub(2, 4):byte(1, -1))
print(z:find("\0"), z:find("\0\0"), z:find("%z+"), z:find("b\0", 1, true))
print(z:match("(%Z+)%z(%Z+)"))
print(z:gsub("\0", "0"))
print(z:gsub("%z", "Z"))
print((z:gsub("[%z]", ".")))
print(("%s"):format(z):len(), ("%q"):format(z))
print(tostring(z):len(), (z .. z):len())
print(z == "a\0b\0\0c", z < "a\0c", "a\0" > "a", "\0" < "\1", "" < "\0")
local t = {}
t[z] = 1
t["a\0b"] = 2
print(t[z], t["a\0b"], t["a"])
print(#table.concat({z, z}, "\0"))
for w in z:gmatch("[^%z]+") do io.write(w, ",") end print()
print(string.char(0, 0, 0):len(), ("\0"):rep(5):len())
print(z:lower() == z, #z:format())
print(pcall(string.format, "%s\0%s", "x", "y"))
print(#string.format("%s\0%s", "x", "y"))
print(#string.format("a\0b%d", 5))
