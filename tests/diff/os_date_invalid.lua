-- 5.1 hands each "%x" to strftime alone: unknown conversions, modifiers
-- and flags come back as glibc prints them; a final "%" stays
local t = 1234567890
for _, f in ipairs{"%Q", "%E", "%Ec", "%O", "%Oy", "%-d", "%_d", "%0d", "%^a",
    "%#b", "%10d", "%5", "%", "%%", "%%%", "a%", "%\n", "%L", "%f", "%q", "%i",
    "%J", "%K", "%N", "%o", "%v", "%!", "%*", "%Y%", "x%Yy%mz"} do
  print(string.format("%q", f), string.format("%q", os.date("!" .. f, t)))
end
-- the format stops at an embedded zero (5.1 sees a C string)
print(string.format("%q", os.date("!%Y\0%m", t)))
print(string.format("%q", os.date("\0!%Y", t)))
-- a long result
print(#os.date("!" .. string.rep("%c", 500), t))
print(#os.date("!" .. string.rep("x", 10000), t))
