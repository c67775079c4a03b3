-- a count hook stops runaway loops (as hosts do).
local function guard(limit)
  local n = 0
  debug.sethook(function()
    n = n + 1
    if n >= limit then error("too many instructions", 0) end
  end, "", 1000)
end
guard(5)
print(pcall(function() while true do end end))
guard(3)
print(pcall(function() local i = 0 repeat i = i + 1 until false end))
guard(2)
print(pcall(function() for i = 1, math.huge do end end))
guard(4)
local function rec() return rec() end
print(pcall(rec))
debug.sethook()
print("done", debug.gethook())
