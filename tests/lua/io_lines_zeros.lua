-- Lines with embedded zero bytes and lines longer than any buffer come
-- back whole from "*l", f:lines() and io.lines(). (Debian's lua5.1 reads
-- lines with fgets and strlen, which drops what follows a zero byte; this
-- library deliberately does not copy that bug, so this is not a
-- differential test.)
local name = os.tmpname()
local long = ("z"):rep(100000) .. "\0" .. ("y"):rep(70000)
local f = assert(io.open(name, "wb"))
f:write("ab\0cd\n", "xy\0\n", "\0\n", long, "\n", "\0last")
f:close()

local expect = {"ab\0cd", "xy\0", "\0", long, "\0last"}
local got = {}
for l in io.lines(name) do got[#got + 1] = l end
assert(#got == #expect, "line count " .. #got)
for i = 1, #expect do
  assert(got[i] == expect[i], "line " .. i .. " differs (length " .. #got[i] .. ")")
end

f = assert(io.open(name, "rb"))
assert(f:read("*l") == "ab\0cd")
local a, b = f:read("*l", "*l")
assert(a == "xy\0" and b == "\0")
assert(f:read("*l") == long)
assert(f:read("*l") == "\0last")
assert(f:read("*l") == nil)
f:seek("set")
local n = 0
for l in f:lines() do
  n = n + 1
  assert(l == expect[n])
end
assert(n == 5)
f:close()

-- io.read through the default input
io.input(name)
assert(io.read() == "ab\0cd")
assert(io.read("*a") == "xy\0\n\0\n" .. long .. "\n\0last")
io.input():close()
io.input(io.stdin)
assert(os.remove(name))
