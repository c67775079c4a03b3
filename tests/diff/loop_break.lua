for i = 1, 10 do if i > 3 then break end io.write(i, " ") end print()
local i = 0
while true do i = i + 1; if i == 5 then break end end print(i)
repeat i = i + 1; if i == 8 then break end until false print(i)
for a = 1, 3 do
  for b = 1, 3 do
    if b == 2 then break end
    io.write(a, b, " ")
  end
end
print()
for k, v in ipairs({1, 2, 3, 4}) do if v == 3 then break end io.write(v, " ") end print()
local function find(t, x)
  local idx
  for i, v in ipairs(t) do if v == x then idx = i; break end end
  return idx
end
print(find({5, 6, 7}, 6), find({5, 6, 7}, 9))
local r = {}
for i = 1, 3 do
  local j = 0
  while true do
    j = j + 1
    if j > i then break end
    r[#r + 1] = i .. j
  end
end
print(table.concat(r, " "))
for i = 1, 3 do
  do break end
end
print("break inside do block")
local function early(n) for i = 1, n do if i == 3 then return "returned at " .. i end end return "finished" end
print(early(5), early(2))
