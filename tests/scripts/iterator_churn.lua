-- Garbage made only inside generic-for iterators (gmatch captures, io.lines
-- lines) in one long loop whose body has no call, table or closure of its
-- own: the iterator step itself must be a point where the collector runs.
-- About 100 MB of short strings go through (lua5.1 peaks at about 3 MB
-- plus the 8 MB subject string); prints a checksum.
local s = ("abcdefgh "):rep(900000)
local n = 0
for w in s:gmatch("%a+") do n = n + #w end
s = nil
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local pad = ("p"):rep(60)
for i = 1, 600000 do f:write(pad, i, "\n") end
f:close()
for l in io.lines(name) do n = n + #l end
os.remove(name)
print(n)
