-- setlocal/getlocal on the debug functions' own arguments (level 0).
print(debug.setlocal(0, 1, "x"))
print(debug.setlocal(0, 3, "x"))
print(debug.setlocal(0, 4, "x"))
print(debug.getlocal(0, 3))
print(debug.getlocal(0, 4))
