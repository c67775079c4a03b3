-- io.lines argument errors, as 5.1 words them
local function try(...)
  print(pcall(function(...) return io.lines(...) end, ...))
end
try("/nonexistent/dir/file")
try("/tmp/\0ignored")
try(nil)
try(nil, 5)
try(false)
try({})
try("/tmp")
local ok, it = pcall(io.lines, "/tmp")
if ok then print(pcall(it)) end
-- f:lines on a closed file
local f = io.tmpfile()
f:close()
print(pcall(function() return f:lines() end))
print(pcall(function() return io.stdin.lines(42) end))
-- io.lines() with a closed default input
local name = os.tmpname()
io.input(name)
io.input():close()
print(pcall(function() return io.lines() end))
print(pcall(function() return io.read() end))
io.input(io.stdin)
os.remove(name)
