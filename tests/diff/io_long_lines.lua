-- lines far longer than any buffer, read back whole
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local sizes = {0, 1, 511, 512, 513, 4095, 4096, 4097, 8191, 8192, 8193, 65536, 300000}
for i, n in ipairs(sizes) do
  f:write(string.rep(string.char(65 + i % 26), n), "\n")
end
f:write(string.rep("z", 100001))
f:close()
local i = 0
for l in io.lines(name) do
  i = i + 1
  print(i, #l, l:sub(1, 1), l == string.rep(l:sub(1, 1), #l))
end
f = assert(io.open(name))
for k = 1, 11 do f:read("*l") end
local a, b, c = f:read("*l", "*l", "*l")
print(#a, #b, #c)
print(f:read("*l"))
f:close()
os.remove(name)
