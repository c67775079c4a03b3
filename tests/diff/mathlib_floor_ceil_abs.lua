for _, x in ipairs({0, -0.0, 0.5, -0.5, 1.5, -1.5, 2^52 + 0.5, 2^53, -2^53, 1e300, -1e300, 1/0, -1/0, 0.9999999999999999, -0.9999999999999999, 3, -3}) do
  print(x, math.floor(x), math.ceil(x), math.abs(x))
end
print(math.floor(0/0) ~= math.floor(0/0), math.ceil(0/0) ~= math.ceil(0/0), math.abs(0/0) ~= math.abs(0/0))
print(math.abs(-0.0), 1 / math.abs(-0.0), 1 / math.floor(-0.0), 1 / math.ceil(-0.5))
print(math.floor("3.7"), math.ceil("-3.7"), math.abs("-2"), math.floor(" 0x10 "))
print(pcall(math.floor))
print(pcall(function() return math.floor() end))
print(pcall(function() return math.ceil("x") end))
print(pcall(function() return math.abs(true) end))
print(pcall(function() return math.abs(nil) end))
