local i = 0
while i < 5 do i = i + 1; io.write(i, " ") end print()
while false do print("never") end
local n = 10
repeat n = n - 3; io.write(n, " ") until n < 0 print()
repeat print("runs once") until true
local k = 0
repeat
  local done = k >= 3
  k = k + 1
until done
print("k", k)
local x = 1
repeat local y = x * 2; x = y until y > 100
print("x", x)
local cnt = 0
while cnt < 1000 do cnt = cnt + 1 end print(cnt)
local a, b = 0, 1
while b < 1000 do a, b = b, a + b end print(a, b)
