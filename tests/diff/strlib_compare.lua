local words = {"a", "b", "A", "B", "", "aa", "ab", "a\0", "a\0b", "\0", "\255", "~", "1", "10", "9", " "}
local out = {}
for i = 1, #words do
  local row = {}
  for j = 1, #words do row[j] = (words[i] < words[j]) and "<" or ((words[i] == words[j]) and "=" or ">") end
  out[i] = table.concat(row)
end
print(table.concat(out, "\n"))
print("a" <= "a", "a" >= "b", "abc" < "abd", "abc" < "ab", "Z" < "a")
