print("a\0b", #"a\0b")
io.write("c\0d", "\n")
print(tonumber("1\0"), tonumber("1\0x"), tonumber("\0" .. "1"), "2\0" + 1)
print(("%q"):format("x\0y") == '"x\\000y"')
