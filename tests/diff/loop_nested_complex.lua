local grid = {}
for y = 1, 4 do
  grid[y] = {}
  for x = 1, 4 do grid[y][x] = (x + y) % 3 == 0 and "#" or "." end
end
for y = 1, 4 do print(table.concat(grid[y])) end
local primes = {}
for n = 2, 50 do
  local is = true
  for d = 2, math.floor(math.sqrt(n)) do
    if n % d == 0 then is = false; break end
  end
  if is then primes[#primes + 1] = n end
end
print(table.concat(primes, ","))
local function collatz(n) local steps = 0 while n ~= 1 do if n % 2 == 0 then n = n / 2 else n = 3 * n + 1 end steps = steps + 1 end return steps end
print(collatz(27), collatz(1), collatz(97))
local tri = {}
for i = 1, 5 do
  local row = {}
  for j = 1, i do row[j] = (j == 1 or j == i) and 1 or tri[i - 1][j - 1] + tri[i - 1][j] end
  tri[i] = row
  print(table.concat(row, " "))
end
