local env2 = setmetatable({x = "env2"}, {__index = _G})
local obj = setmetatable({}, {__index = function() setfenv(2, env2); collectgarbage() end})
local function f()
  local _ = obj.foo   -- handler switches f's env, then collects the old env
  return x            -- 5.1: read from env2; cellua: through the stale env handle
end
coroutine.wrap(function() setfenv(f, {x = "env1"}) end)()
print(f())
