-- every byte value round-trips through write, read(n), *a and *l
local name = os.tmpname()
local bytes = {}
for b = 0, 255 do bytes[#bytes + 1] = string.char(b) end
local all = table.concat(bytes)
local f = assert(io.open(name, "wb"))
f:write(all, all)
f:close()
f = assert(io.open(name, "rb"))
local first = f:read(256)
print(#first, first == all)
local rest = f:read("*a")
print(#rest, rest == all)
f:seek("set", 1)
-- "\n" is byte 10: this line holds bytes 1..9 (lines with zero bytes
-- are covered by tests/lua/io_lines_zeros.lua: 5.1 mangles them)
local l = f:read("*l")
print(#l, l:byte(1, -1))
f:seek("set", 11)
print(f:read(5):byte(1, -1))
f:close()
-- "\r\n" is not translated
f = assert(io.open(name, "w"))
f:write("a\r\nb\26c\255")
f:close()
f = assert(io.open(name))
print(f:read("*a"):byte(1, -1))
f:close()
os.remove(name)
