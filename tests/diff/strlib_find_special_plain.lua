local specials = {"^", "$", "*", "+", "?", ".", "(", ")", "[", "]", "%", "-"}
for _, c in ipairs(specials) do
  local s = "a" .. c .. "b"
  print(c, s:find(c, 1, true), pcall(string.find, s, c), s:find("%" .. c))
end
print(("a.b.c"):find(".", 2, true), ("a.b.c"):find("%.", 3))
print(("[test]"):find("[", 1, true), ("[test]"):find("%[(.-)%]"))
print(("50%"):find("%", 1, true), ("50%"):find("%%"))
