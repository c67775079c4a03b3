local f = string.format
for _, x in ipairs({0, -0.0, 0.5, 1, -1, math.pi, math.pi / 2, -math.pi / 4, 10, 1e10, 1e300}) do
  print(f("%.14g %.14g %.14g %.14g %.14g %.14g", math.sin(x), math.cos(x), math.tan(x), math.sinh(x) / (1 + math.abs(math.sinh(x))), math.cosh(x) > 0 and 1 or 0, math.tanh(x)))
end
for _, x in ipairs({-1, -0.5, 0, 0.5, 1}) do
  print(f("%.14g %.14g %.14g", math.asin(x), math.acos(x), math.atan(x)))
end
print(math.asin(2), math.acos(-2), math.atan(1/0), math.atan(-1/0))
print(math.sin(1/0), math.cos(-1/0), math.tan(1/0))
print(math.sinh(1000), math.cosh(-1000), math.tanh(1000), math.tanh(-1000), math.sinh(-0.0))
print(math.asin(-0.0), math.atan(-0.0), math.tanh(-0.0))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(-0.0, -1), math.atan2(0, 0), math.atan2(-0.0, -0.0))
print(math.atan2(1, 0), math.atan2(-1, 0), math.atan2(1/0, 1/0), math.atan2(5, 1/0), math.atan2(5, -1/0))
print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1), math.deg(-0.0), math.rad(1/0))
print(pcall(math.sin))
print(pcall(function() return math.cos("x") end))
print(pcall(function() return math.atan2(1) end))
print(pcall(function() return math.atan2(nil, 1) end))
print(math.sin("0"), math.cos(" 0 "), math.atan2("1", "1"))
