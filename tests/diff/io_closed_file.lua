-- every operation on a closed file
local f = io.tmpfile()
print(io.type(f), f:close())
print(io.type(f), tostring(f))
local ops = {
  {"read", function() return f:read() end},
  {"read *a", function() return f:read("*a") end},
  {"write", function() return f:write("x") end},
  {"lines", function() return f:lines() end},
  {"seek", function() return f:seek() end},
  {"flush", function() return f:flush() end},
  {"setvbuf", function() return f:setvbuf("no") end},
  {"close", function() return f:close() end},
  {"io.close", function() return io.close(f) end},
  {"io.input", function() return io.input(f) end},
  {"io.output", function() return io.output(f) end},
}
for _, op in ipairs(ops) do print(op[1], pcall(op[2])) end
-- the metamethods still work on it
local mt = getmetatable(f)
print(mt.__tostring(f))
print(mt.__gc(f))
print(pcall(mt.__tostring, 1))
print(pcall(mt.__gc, {}))
-- closing a file twice
local name = os.tmpname()
local g = assert(io.open(name, "w"))
print(g:close())
print(pcall(g.close, g))
print(pcall(io.close, g))
os.remove(name)
