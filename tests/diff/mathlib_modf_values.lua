for _, x in ipairs({0.1, 0.5, 0.9, 1.1, 123.456, -0.1, -123.456, 1e15 + 0.5, 2^52 + 0.5, 1e-300, -1e-300, 4503599627370495.5}) do
  local i, f = math.modf(x)
  print(string.format("%.17g %.17g %.17g", x, i, f))
end
