for i = 1, 5 do
  io.write(i, "->")
  i = i * 10
  io.write(i, " ")
end
print()
local seen = {}
for i = 1, 3 do
  seen[#seen + 1] = i
  i = "changed"
  seen[#seen + 1] = i
end
print(table.concat(seen, ","))
local start, stop, step = 1, 6, 2
for i = start, stop, step do
  start, stop, step = 100, 0, -1
  io.write(i, " ")
end
print(start, stop, step)
for k = 1, 3 do
  local k = k + 100
  io.write(k, " ")
end
print()
