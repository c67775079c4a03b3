-- io.lines(name): every line, the file is closed at the end
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("first\n", "\n", "third line\n", "no newline at end")
f:close()
for l in io.lines(name) do print(string.format("%q", l)) end
local it = io.lines(name)
print(it(), it(), it(), it())
-- at end of file the iterator returns no value at all
print(select("#", it()))
-- then the file is closed
print(pcall(it))
local ok, msg = pcall(function() return it() end)
print(ok, msg)
local count = 0
for l in io.lines(name) do
  count = count + 1
  if count == 2 then break end
end
print(count)
-- an empty file gives no lines
f = assert(io.open(name, "w"))
f:close()
for l in io.lines(name) do print("never", l) end
-- only "\n" separates lines
f = assert(io.open(name, "w"))
f:write("a\r\nb\rc\n\n")
f:close()
for l in io.lines(name) do print(string.format("%q", l)) end
os.remove(name)
