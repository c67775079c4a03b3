local s = "a a a a a"
for _, n in ipairs({0, 1, 2, 5, 6, 100, -1, -100, 2.5, 2.9, 2^31, 2^32 + 1}) do
  print(n, string.gsub(s, "a", "b", n))
end
print(string.gsub(s, "a", "b", "2"))
print(string.gsub(s, "a", "b", nil))
print(pcall(function() return string.gsub(s, "a", "b", "x") end))
print(pcall(function() return string.gsub(s, "a", "b", {}) end))
print(string.gsub("", "", "x"), string.gsub("", "", "x", 0))
print(string.gsub("abc", "", "-", 2))
print(string.gsub("abc", "^", "-"), string.gsub("abc", "$", "-"), string.gsub("abc", "^a", "-", 5))
print(string.gsub("aaa", "^a", "-"))
