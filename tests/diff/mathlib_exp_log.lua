local f = string.format
for _, x in ipairs({0, -0.0, 1, 2, 10, 0.5, 100, 1e-300, 1e300, -1, 1/0, -1/0}) do
  print(x, f("%.14g", math.exp(x)), f("%.14g", math.log(x)), f("%.14g", math.log10(x)), f("%.14g", math.sqrt(x)))
end
print(math.log(0), math.log(-0.0), math.log10(0), math.sqrt(-0.0), math.exp(-1/0), math.exp(1000))
print(math.pow(2, 10), math.pow(2, -1), math.pow(2, 0.5), math.pow(0, 0), math.pow(-8, 1/3), math.pow(-2, 3))
print(math.pow(0, -1), math.pow(-0.0, -1), math.pow(1, 1/0), math.pow(1/0, 0), math.pow(-1, 1/0), math.pow(0/0, 0))
print(math.pow(2, 1024), math.pow(2, -1075), math.pow(-1/0, 3), math.pow(-1/0, 2), math.pow(10, 308))
print(2 ^ 0.5 == math.sqrt(2), math.pow(9, 0.5), 9 ^ 0.5)
print(pcall(math.pow, 1))
print(pcall(function() return math.pow(1) end))
print(pcall(function() return math.log() end))
print(pcall(function() return math.exp({}) end))
print(pcall(function() return math.sqrt(nil) end))
print(math.log(8, 2), math.log10(1000, 5))
