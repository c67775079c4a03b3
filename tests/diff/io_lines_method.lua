-- f:lines() reads from the current position and never closes the file
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("1\n2\n3\n4\n5\n")
f:close()
f = assert(io.open(name))
print(f:read("*l"))
for l in f:lines() do
  print("line", l)
  if l == "3" then break end
end
print(f:read("*l"))
for l in f:lines() do print("rest", l) end
print(io.type(f), f:read("*l"), f:read("*a"))
f:seek("set", 2)
local it = f:lines()
print(it(), it())
print(select("#", it(), it(), it()))
print(io.type(f))
f:close()
-- the iterator of a closed file
print(pcall(it))
print(pcall(function() for l in it do end end))
-- io.lines() without a name iterates over the default input
io.input(name)
for l in io.lines() do io.write(l, " ") end
print()
print(io.type(io.input()))
io.input():close()
io.input(io.stdin)
os.remove(name)
