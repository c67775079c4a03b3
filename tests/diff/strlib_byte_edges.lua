local s = "hello"
local cases = {
  {}, {1}, {0}, {-1}, {-5}, {-6}, {6}, {1, -1}, {-2, -1}, {3, 2}, {0, 0},
  {0, 2}, {-100, 2}, {2, 100}, {-100, -100}, {2^31, 2^31}, {-2^31, 2^31},
  {1.9, 2.1}, {"2", "3"},
}
for _, c in ipairs(cases) do
  print(#c, c[1], c[2], select("#", s:byte(c[1], c[2])), s:byte(c[1], c[2]))
end
print(string.byte(""), select("#", string.byte("")), select("#", string.byte("", 1, 10)))
print(string.byte("\0"), string.byte("\255"), string.byte("a\0b", 1, 3))
print(string.byte(123, 1, 3), string.byte(-1.5, 1, -1))
print(pcall(string.byte))
print(pcall(function() return string.byte() end))
print(pcall(function() return string.byte("x", "y") end))
print(pcall(function() return string.byte("x", 1, {}) end))
print(pcall(function() return ("x"):byte(nil, "z") end))
local big = string.rep("a", 5000)
print(select("#", big:byte(1, -1)))
