-- traceback text; the outermost "[C]: ?" (lua.c's own frame) is cut so
-- the test does not depend on how the interpreter calls the chunk.
local function tb(...)
  local s = debug.traceback(...)
  if type(s) == "string" then s = s:gsub("\n\t%[C%]: %?$", "") end
  return s
end
local function lvl3() print(tb("msg")) print(tb()) print(tb("at 2", 2)) end
local function lvl2() lvl3() end
function lvl1() lvl2() end
lvl1()
print(tb("number level", 1))
print(tb(12))
print(tb(""))
