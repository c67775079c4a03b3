for i = 0, 1, 0.1 do io.write(i, " ") end print()
local n = 0
for i = 0, 1, 0.1 do n = n + 1 end print("iterations", n)
for i = 1, 2, 0.25 do io.write(i, " ") end print()
for x = 0.5, 2.5 do io.write(x, " ") end print()
local acc = 0
for i = 0.1, 1.0, 0.1 do acc = acc + i end
print(acc, string.format("%.10f", acc))
for i = 1e15, 1e15 + 2 do io.write(i, " ") end print()
for i = 2^52 - 2, 2^52 do io.write(string.format("%.0f", i), " ") end print()
for i = -0.5, 0.5, 0.5 do io.write(i, " ") end print()
