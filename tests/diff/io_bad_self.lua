-- methods called on something that is not a file
local f = io.tmpfile()
local t = {read = f.read, write = f.write, seek = f.seek, lines = f.lines,
  flush = f.flush, setvbuf = f.setvbuf, close = f.close}
print(pcall(function() return t:read() end))
print(pcall(function() return t:write("x") end))
print(pcall(function() return t:seek() end))
print(pcall(function() return t:lines() end))
print(pcall(function() return t:flush() end))
print(pcall(function() return t:setvbuf("no") end))
print(pcall(function() return t:close() end))
print(pcall(function() return f.read(1) end))
print(pcall(function() return f.write("x") end))
print(pcall(function() return f.seek() end))
print(pcall(function() return f.flush(newproxy()) end))
print(pcall(function() return f.lines(io.stdout, "ignored") end) and "lines ok")
print(pcall(function() local s = "x" return s:read() end))
f:close()
