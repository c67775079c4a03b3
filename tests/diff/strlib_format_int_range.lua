local f = string.format
local vals = {0, 1, -1, 2^31 - 1, 2^31, -2^31, -2^31 - 1, 2^32, 2^52, 2^53 + 1, 2^62, 2^63 - 1024, -2^63, 2^63, 2^64, 1e20, -1e20, 1/0, -1/0, 0.5, -0.5, 1.5, -1.5}
for _, v in ipairs(vals) do
  print(string.format("%.17g", v), f("%d", v), f("%i", v), f("%u", v), f("%x", v), f("%X", v), f("%o", v), f("%c", 65) )
end
print(pcall(f, "%d", 0/0) and "ok")
