-- the standard files cannot be closed
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.close())
print(io.close(io.stdout))
print(io.type(io.stdout), io.type(io.stdin), io.type(io.stderr))
print(io.write("still open\n"))
-- getmetatable(f).__gc on a standard file closes nothing either
print(getmetatable(io.stdout).__gc(io.stdout))
print(io.type(io.stdout))
-- the close method looks up its default file in its own environment
-- (the globals): without an argument it finds _G[2]
print(pcall(io.stdout.close))
local t = io.tmpfile()
_G[2] = t
print(io.stdout.close())
print(io.type(t))
_G[2] = nil
print(pcall(io.close, nil))
print(pcall(io.close, {}))
print(pcall(function() return io.close(42) end))
