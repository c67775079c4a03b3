local s = "abcdef"
local cases = {
  {1}, {2}, {0}, {-1}, {-3}, {-6}, {-7}, {-100}, {7}, {100},
  {1, 1}, {1, 0}, {2, 4}, {4, 2}, {-3, -2}, {-2, -3}, {0, 0}, {0, -1},
  {-100, 100}, {3, -1}, {3, -4}, {3, -5}, {6, 6}, {7, 7}, {1, -7},
  {2^31, 3}, {-2^31, 3}, {1, 2^31}, {1, -2^31}, {2.7, 4.2}, {-2.7, -1.2},
  {1e300, 1}, {-1e300, -1},
}
for _, c in ipairs(cases) do
  print(c[1], c[2], "[" .. s:sub(c[1], c[2]) .. "]")
end
print(("a\0b\0c"):sub(2, 4) == "\0b\0", #("a\0b\0c"):sub(2))
print(string.sub("", 1), string.sub("", 0, 0), string.sub("", -1, 1))
print(string.sub(12345, 2, 3), string.sub(1.25, -2))
print(string.sub("abc", "2", "3"))
print(pcall(string.sub))
print(pcall(function() return string.sub("x") end))
print(pcall(function() return string.sub("x", "a") end))
print(pcall(function() return string.sub("x", 1, {}) end))
print(pcall(function() return ("x"):sub() end))
print(pcall(function() return string.sub({}, 1) end))
