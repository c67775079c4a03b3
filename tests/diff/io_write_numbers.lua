-- numbers are written with %.14g; strings (numeric or not) as they are
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local values = {0, -0.0, 1, -1, 0.1, 1/3, -2/3, 100, 1e14, 1e15, 123456789012345,
  2^53, 2^63, -2^63, 1e100, 1e-5, 1e-300, 5e-324, 1.7976931348623157e308,
  3.14159265358979, 12.5, 1e308 * 10, -1e308 * 10, 255, 0.5, 1234.5678e10}
for _, v in ipairs(values) do f:write(v, "\n") end
f:write("10", " ", "0x10", " ", "1e2", "\n")
f:write(1, 2, 3, "\n")
f:close()
for l in io.lines(name) do print(l) end
os.remove(name)
