local f = string.format
for w = 0, 12, 3 do
  for p = 0, 6, 2 do
    local spec = "%" .. w .. "." .. p
    io.write(f(spec .. "f|", math.pi), f(spec .. "e|", -math.pi), f(spec .. "g|", 1e6 * math.pi), f(spec .. "s|", "abcdefgh"), f(spec .. "d|", 42), f(spec .. "x|", 255))
  end
  print()
end
for _, flags in ipairs({"-", "+", " ", "#", "0", "-+", "+ ", "#0", "-#", "0+", "- 0", "+#0"}) do
  local spec = "%" .. flags .. "10"
  print(flags, f(spec .. "d|", 42), f(spec .. ".3f|", 3.14159), f(spec .. "x|", 255), f(spec .. "o|", 8), f(spec .. "g|", 0.5), f(spec .. "e|", 12345), f(spec .. "s|", "s"), f(spec .. "c|", 65))
end
