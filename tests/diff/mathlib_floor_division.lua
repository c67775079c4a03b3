for _, a in ipairs({7, -7, 7.5, -7.5, 0, -0.0}) do
  for _, b in ipairs({2, -2, 0.5, -0.5, 1/0, -1/0}) do
    io.write(string.format("%g%%%g=%g ", a, b, a % b))
  end
  print()
end
print(5 % 0, -5 % 0, 0 % 0)
print(math.floor(7 / 2), math.floor(-7 / 2), math.ceil(7 / 2), math.ceil(-7 / 2))
