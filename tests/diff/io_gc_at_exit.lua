-- files still open when the script ends are closed (and flushed) when the
-- state closes; finalizers run newest first, so this older guard sees the
-- file already closed and its data on disk
local name = os.tmpname()
local guard = newproxy(true)
getmetatable(guard).__gc = function()
  print("guard: file is", io.type(_G.f))
  local r = io.open(name)
  print("guard reads:", r:read("*a"))
  r:close()
  os.remove(name)
end
_G.guard = guard
_G.f = assert(io.open(name, "w"))
f:setvbuf("full")
f:write("flushed at close")
print("end of script", io.type(f))
