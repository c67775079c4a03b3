-- cellua's generator reproduces glibc's rand(), as Debian's lua5.1 uses it
local out = {}
for i = 1, 5 do out[#out + 1] = string.format("%.10f", math.random()) end
for i = 1, 5 do out[#out + 1] = math.random(1000) end
print(table.concat(out, " "))
for _, seed in ipairs({0, 1, 2, 42, -1, 12345, 2^31 - 1, -2^31, 1e10}) do
  math.randomseed(seed)
  local r = {}
  for i = 1, 4 do r[#r + 1] = math.random(1, 100) end
  r[#r + 1] = string.format("%.12f", math.random())
  print(seed, table.concat(r, " "))
end
