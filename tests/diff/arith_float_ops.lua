print(7 / 2, 7 / 2.0, 1 / 3, 2 / 3)
print(10 / 4, 3 * 0.1, 0.1 + 0.2, 1 - 0.9)
print(100 * 1.1, 2 ^ 10, 2 ^ 0.5)
local sum = 0
for i = 1, 10 do sum = sum + 0.1 end
print(sum, sum == 1, string.format("%.17g", sum))
print(1e15 + 0.5, 123456789 * 1000)
print(2 ^ 31, 2 ^ 32, 2 ^ 52 + 1)
print(-7 / 2, math.floor(-7 / 2), math.ceil(-7 / 2))
print(3 - 5, 5 - 3.5, 1e-5, 1e-4 * 10)
print(12345.678 * 1000, 0.000001, 1.5e-7)
