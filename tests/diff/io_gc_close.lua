-- an unreachable open file is closed (and flushed) by the collector
local name = os.tmpname()
do
  local f = assert(io.open(name, "w"))
  f:setvbuf("full")
  f:write("written but not flushed")
end
collectgarbage()
collectgarbage()
local r = assert(io.open(name))
print(r:read("*a"))
r:close()
-- an abandoned io.lines iterator: its file is collected too
local f = assert(io.open(name, "w"))
for i = 1, 10 do f:write(i, "\n") end
f:close()
for i = 1, 50 do
  local it = io.lines(name)
  it()
end
collectgarbage()
collectgarbage()
local n = 0
for l in io.lines(name) do n = n + 1 end
print(n)
-- a file kept alive by a table survives collection
local keep = {assert(io.open(name))}
collectgarbage()
print(io.type(keep[1]), keep[1]:read("*l"))
keep[1]:close()
-- __gc called by hand closes the file; a second call does nothing
local h = assert(io.open(name))
print(getmetatable(h).__gc(h))
print(io.type(h))
print(getmetatable(h).__gc(h))
os.remove(name)
