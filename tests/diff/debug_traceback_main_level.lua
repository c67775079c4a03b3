-- The main chunk runs above a C level, as under lua.c's pmain: tracebacks
-- end with "[C]: ?" and debug.getinfo(2) describes that level.
print(debug.traceback("here"))
local info = debug.getinfo(2, "S")
print(info and info.what, info and info.short_src)
print(debug.getinfo(3))
local function deep(n) if n == 0 then return debug.traceback("deep", 1) end return deep(n - 1) end
print(deep(3))
print(select('#', pcall(error)))
