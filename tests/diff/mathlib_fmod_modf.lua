local cases = {{5, 3}, {-5, 3}, {5, -3}, {-5, -3}, {5.5, 2}, {-5.5, 2}, {1, 0}, {-1, 0}, {0, 0}, {1/0, 2}, {2, 1/0}, {-2, 1/0}, {0, 5}, {-0.0, 5}, {1e300, 3}, {7, 0.5}}
for _, c in ipairs(cases) do
  print(c[1], c[2], math.fmod(c[1], c[2]), math.mod(c[1], c[2]), c[1] % c[2])
end
for _, x in ipairs({3.7, -3.7, 0, -0.0, 5, -5, 1/0, -1/0, 0.5, -0.5, 2^53 + 2, 1e-310}) do
  print(x, math.modf(x))
end
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
print(math.mod == math.fmod, math.mod ~= nil)
print(pcall(math.fmod, 1))
print(pcall(function() return math.fmod(1) end))
print(pcall(function() return math.mod("a", 1) end))
print(pcall(function() return math.modf() end))
print(math.fmod("7", "3"), math.modf("2.5"))
