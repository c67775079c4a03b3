local s = "Hello, World"
print(#s, s:len(), string.len(""), ("\0x"):len())
print(s:sub(1, 5), s:sub(8), s:sub(-5), s:sub(-5, -2), s:sub(0), s:sub(100))
print(s:sub(5, 1), s:sub(-100, 3), s:sub(3, -100), s:sub(2, 2), s:sub(-1))
print(("abc"):sub(0, 0), ("abc"):sub(4, 5), ("abc"):sub(3, 3), ("abc"):sub(-3, -3))
print(string.sub("abcdef", 2.7, 4.2))
print(s:sub("2", "4"))
print(pcall(string.sub))
print(pcall(function() return s:sub("x") end))
