for _, x in ipairs({1, 0.5, 3, -7.25, 1e308, 5e-324, 2.5e-310, 1/3, -0.1}) do
  local m, e = math.frexp(x)
  print(x, m, e, math.ldexp(m, e) == x)
end
print(math.ldexp(1, 1024), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(0.75, 1024))
print(math.ldexp(1, 2^31), math.ldexp(1, 2^53), math.ldexp(3, 0/0))
print(math.modf(-1), math.modf(3.5), math.modf(-3.5), math.modf(1/0), math.modf(-1/0))
print(math.deg(3.7), math.rad(180), math.deg(math.pi))
