for i = 1, 5 do io.write(i, " ") end print()
for i = 1, 10, 3 do io.write(i, " ") end print()
for i = 5, 5 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty loop done")
for i = 0, -3 do io.write("never") end print("empty 2")
for i = 1, 3 do for j = i, 3 do io.write(i, j, " ") end end print()
local n = 0
for i = 1, 100 do n = n + i end print(n)
for i = "1", "3" do io.write(i, ":", type(i), " ") end print()
for i = 1, 3.5 do io.write(i, " ") end print()
for i = 1.5, 4 do io.write(i, " ") end print()
local lim = 3
for i = 1, lim do lim = 10; io.write(i, " ") end print(lim)
print(i)
