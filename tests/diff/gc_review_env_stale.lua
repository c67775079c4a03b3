local env1 = setmetatable({x = "env1"}, {__index = _G})
local env2 = setmetatable({x = "env2"}, {__index = _G})
local function f()
  local _ = setmetatable({}, {__index = function() setfenv(2, env2) end}).foo
  return x
end
setfenv(f, env1)
env1 = nil
print(f())
-- generic for iterator switching the loop function's environment
local function g()
  for _ in function(s, c) if not c then setfenv(2, env2) return 1 end end do end
  return x
end
print(g())
