local f = string.format
for _, x in ipairs({2^31, 2^31 - 1, -2^31, 2^32, 2^52, 2^53, 2^53 + 1, 2^63, 2^64, 2^100}) do
  print(f("%.17g", x), math.floor(x) == x, math.fmod(x, 2), math.fmod(x, 3), x % 7, math.floor(x / 3))
end
print(math.floor(2^53 + 0.5) == 2^53, 2^53 + 1 == 2^53, math.ldexp(1, 53) == 2^53)
print(math.max(2^53, 2^53 + 2) == 2^53 + 2, math.abs(-2^63) == 2^63)
