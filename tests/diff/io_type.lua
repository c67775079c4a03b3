-- io.type of many values
local f = io.tmpfile()
local values = {io.stdin, io.stdout, io.stderr, f, 1, "file", {}, print, true,
  newproxy(), newproxy(true), coroutine.create(print)}
for i, v in ipairs(values) do print(i, io.type(v)) end
print(io.type(nil))
print(pcall(io.type))
print(pcall(function() return io.type() end))
f:close()
print(io.type(f))
-- a table with the file metatable is not a file
print(io.type(setmetatable({}, getmetatable(io.stdout))))
print(select("#", io.type(1)))
