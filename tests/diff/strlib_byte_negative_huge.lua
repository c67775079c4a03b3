local s = "abcdef"
for _, c in ipairs({{-2^31}, {2^31}, {-1e10, 1e10}, {math.huge}, {-math.huge, math.huge}, {1, 2^31 - 1}, {-2^31 + 1, -1}}) do
  print(c[1], c[2], select("#", s:byte(c[1], c[2])), s:byte(c[1], c[2]))
end
print(pcall(string.byte, string.rep("x", 9000), 1, -1))
print(select("#", string.byte(string.rep("x", 7900), 1, -1)))
