-- io.popen(cmd, "w"): write to the command's standard input
local name = os.tmpname()
local p = assert(io.popen("cat > " .. name, "w"))
print(io.type(p))
print(p:write("hello ", 42, "\n"))
print(p:write("second line\n"))
print(p:flush())
print(p:close())
for l in io.lines(name) do print(l) end
p = assert(io.popen("tr a-z A-Z > " .. name, "w"))
p:write("shout\n")
print(p:read("*a"))
p:close()
for l in io.lines(name) do print(l) end
-- a write-only pipe cannot be read, a read-only one cannot be written
p = assert(io.popen("true"))
print(p:write("x"))
p:close()
os.remove(name)
