local f = string.format
local s = f("%c%c%c%c", 0, 1, 127, 255)
print(#s, s:byte(1, -1))
print(f("[%3c][%-3c]", 120, 121))
print(f("%c", 65.7), f("%c", "66"), f("%c", 256 + 67), f("%c", -256 + 68))
print(pcall(f, "%c"))
print(pcall(f, "%c", "x"))
print(pcall(f, "%c", nil))
print(#f("%5c", 0), f("%5c", 0):byte(1, -1))
