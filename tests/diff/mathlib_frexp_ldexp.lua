for _, x in ipairs({0, -0.0, 1, -1, 0.5, 2, 3, 1024, 1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1/0, -1/0, 0.1, -123.456}) do
  print(x, math.frexp(x))
end
local m, e = math.frexp(0/0)
print(m ~= m, e)
for _, c in ipairs({{1, 0}, {1, 1}, {0.5, 2}, {1, 1023}, {1, 1024}, {1, -1074}, {1, -1075}, {-3, 4}, {0, 100}, {1/0, -5}, {1, 2^31}, {1, -2^31}, {1, 2.9}, {1, -2.9}, {0.75, 2000}, {1e-300, 1500}}) do
  print(c[1], c[2], math.ldexp(c[1], c[2]))
end
print(math.ldexp(1, 2^32 + 3))
print(pcall(math.ldexp, 1))
print(pcall(function() return math.ldexp(1) end))
print(pcall(function() return math.ldexp(1, "x") end))
print(pcall(function() return math.frexp() end))
print(math.ldexp("1", "3"), math.frexp("8"))
