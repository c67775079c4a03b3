print("a" < "b", "a" < "B", "A" < "a", "abc" < "abd", "ab" < "abc")
print("" < "a", "a" < "", "" == "", "Z" < "a", "10" < "9")
print("\0" < "\1", "a\0b" < "a\0c", "a\0" > "a", "\255" > "\127")
print("abc" <= "abc", "abc" >= "abd", "b" > "abc")
local words = {"pear", "Apple", "banana", "apple", "Banana", "10", "9", "_x", " space"}
table.sort(words)
print(table.concat(words, ","))
print(("a"):rep(3) == "aaa", "x" ~= "X")
