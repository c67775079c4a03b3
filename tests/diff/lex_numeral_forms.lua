print(loadstring("x = 1e"))
print(loadstring("x = 3x"))
print(loadstring("x = 0x"))
print(0x1p4, 0XfF, 1E-2, 5.)
