local t = {1, 2, 3}
for i, v in ipairs(t) do
  if i == 1 then t[4] = 4 end
  io.write(v, " ")
end
print()
t = {1, 2, 3, 4}
for i, v in ipairs(t) do
  if i == 2 then t[3] = nil end
  io.write(v, " ")
end
print()
t = {1, 2}
for i, v in ipairs(t) do
  t[i] = v * 10
end
print(t[1], t[2])
