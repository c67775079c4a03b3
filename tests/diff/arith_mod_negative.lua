print(5 % 3, -5 % 3, 5 % -3, -5 % -3)
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(0 % 3, 3 % 3, 6 % 3, -6 % 3)
print(1 % 0.25, 10 % 0.3)
print(7 % 2.5, -7 % 2.5)
local a, b = 17, -4
print(a % b, a - math.floor(a / b) * b)
for i = -4, 4 do io.write(i % 3, " ") end
print()
for i = -4, 4 do io.write(i % -3, " ") end
print()
print(2^53 % 2, (2^53 + 1) % 2)
print(3.75 % 1, -3.75 % 1)
