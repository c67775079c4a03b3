for i = 5, 1, -1 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, 5, -1 do io.write("never") end print("none")
for i = -1, -5, -2 do io.write(i, " ") end print()
for i = 0, -1, -0.25 do io.write(i, " ") end print()
for i = 3, 3, -1 do io.write(i, " ") end print()
local count = 0
for i = 100, 1, -7 do count = count + 1 end print(count)
for i = 1, 2, 0.5 do io.write(i, " ") end print()
