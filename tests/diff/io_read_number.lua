-- "*n" reads with fscanf("%lf"): hex, inf/nan, partial matches
local name = os.tmpname()
local cases = {"12", "  -3.5e2x", "0x1F", "0X1p4", "inf", "-Infinity", "nan",
  "nan(123)", "1e", "1e+", "0x", ".", "-", "+.5", "5.", "1e400", "0x1.8p1",
  "\n\n 42\n", "abc", "", "1,5", "00012", "1.5e-3", "  ", "0x1g",
  "9007199254740993", "-0", "1e-400", "infinit", "nana", "\t7\t8"}
for _, c in ipairs(cases) do
  local f = assert(io.open(name, "w"))
  f:write(c)
  f:close()
  f = assert(io.open(name))
  local a, b = f:read("*n", "*a")
  print(string.format("%q", c), a, b and string.format("%q", b))
  f:close()
end
-- several numbers in a row, then a non-number stops the reading
local f = assert(io.open(name, "w"))
f:write("1 2\n3\t4 five 6")
f:close()
f = assert(io.open(name))
print(f:read("*n", "*n", "*n", "*n", "*n", "*n"))
print(f:read("*a"))
f:close()
os.remove(name)
