local s = "abcabc"
for _, i in ipairs({1, 2, 4, 6, 7, 8, 0, -1, -3, -6, -7, -100, 100}) do
  print(i, s:match("a", i), s:match("()c", i), s:match("^(.)", i), s:match("(.*)$", i))
end
print(pcall(string.match, s, "a", "x"))
print(s:match("a", "2"), s:match("a", 2.9))
