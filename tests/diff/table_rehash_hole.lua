-- rehashes where the hash part empties into the array part
for _, n in ipairs({5, 9, 17, 33}) do
  for _, k in ipairs({0, -1, 100, 0.5, "s"}) do
    local t = {}
    for i = 1, n do t[i] = i end
    t[1] = nil
    t[k] = "new"
    local sum = 0
    for i = 2, n do sum = sum + t[i] end
    io.write(n, ":", tostring(k), "=", t[k], ",", sum, " ")
  end
end
print()
local u = {1, 2, 3}
table.insert(u, 1, 0)
print(#u, u[1], u[4])
