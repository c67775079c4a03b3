-- the tests run with standard input at end of file
print(io.read())
print(io.read("*a"))
print(io.read("*l"), io.read("*n"), io.read(0), io.read(1))
print(io.stdin:read("*a"), io.stdin:read())
for l in io.lines() do print("never", l) end
for l in io.stdin:lines() do print("never", l) end
print(io.type(io.stdin), io.input() == io.stdin)
print(select("#", io.read("*l", "*l")))
