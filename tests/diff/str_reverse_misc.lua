print(("hello"):reverse(), (""):reverse(), ("a"):reverse(), ("ab\0cd"):reverse():byte(3))
print(("racecar"):reverse() == "racecar", ("12345"):reverse() + 0)
local s = "The quick brown fox"
local words = {}
for w in s:gmatch("%S+") do table.insert(words, 1, w:reverse()) end
print(table.concat(words, " "))
print(#s, s:len(), s:upper():lower() == s:lower())
print(("x"):rep(3):upper():reverse():len())
print(string.format("%s|%s", ("abc"):reverse(), ("abc"):sub(2):reverse()))
local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(("abc").len == string.len, ("abc").nonexistent)
print(pcall(function() return ("abc"):nonexistent() end))
print(#"multi" .. "ple", ("%d items"):format(3))
