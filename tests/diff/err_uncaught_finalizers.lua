-- after an uncaught error, lua.c collects (dead objects are finalized)
-- before closing the state (reachable ones are finalized last)
local p = newproxy(true)
getmetatable(p).__gc = function() print("dead proxy finalized") end
KEEP = newproxy(true)
getmetatable(KEEP).__gc = function() print("reachable proxy finalized at close") end
p = nil
print("about to fail")
error("boom")
