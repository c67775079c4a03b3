local s = string.rep("abcdefghij", 10)
for _, i in ipairs({-1e10, -2^31 - 1, -2^31, -101, -100, -99, -1, 0, 1, 99, 100, 101, 2^31 - 1, 2^31, 1e10}) do
  io.write(tostring(i), ":", #s:sub(i), ",", #s:sub(1, i), ",", #s:sub(i, i), " ")
end
print()
print(("x"):sub(0 / 0 == 0 / 0 and 1 or 1), pcall(string.sub, "abc", 0/0))
print(("abc"):sub(math.huge), ("abc"):sub(-math.huge), ("abc"):sub(1, math.huge), ("abc"):sub(1, -math.huge))
