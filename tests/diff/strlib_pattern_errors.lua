local pats = {"(", ")", "%", "[", "[a", "[^", "[%", "(()", "((a)", "a)", "%b", "%ba", "%f", "%fa", "%f[", "%1", "(a)%2", "%0", "(a%1)",
  "[a-", "[]", "[^]", "[]]", "[^]]", "%g", "%q", "%(", "(%)", "*", "+", "?", "-", "^*", "$$", "a**", "[%a-z]", "[a-%z]", "%", "(.-)%", "()%1"}
for _, p in ipairs(pats) do
  local ok, e = pcall(string.find, "abc(a)]", p)
  local ok2, e2 = pcall(string.gsub, "abc(a)]", p, "x")
  local ok3, e3 = pcall(function() for m in string.gmatch("abc", p) do end end)
  print(string.format("%-8s", p), ok, e, ok2, e2, ok3, e3)
end
