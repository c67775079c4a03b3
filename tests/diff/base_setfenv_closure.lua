local function make()
  return function() return who end
end
local a, b = make(), make()
setfenv(a, {who = "A"})
setfenv(b, {who = "B"})
print(a(), b(), who)
local function creator() return function() return who end end
setfenv(creator, {who = "creator env"})
local child = creator()
print(child())
local function level2() return getfenv(2).marker end
local function level1() local r = level2(); return r end
local env = setmetatable({marker = "level1 env"}, {__index = _G})
setfenv(level1, env)
print(level1())
local counter = 0
local watcher = setmetatable({}, {__index = function(_, k) counter = counter + 1; return _G[k] end, __newindex = function(t, k, v) rawset(t, k, v) end})
local code = loadstring("local s = 0; for i = 1, 3 do s = s + i end; result = s; return tostring(s)")
setfenv(code, watcher)
print(code(), counter, rawget(watcher, "result"), result)
print(setfenv(0, _G) == nil, getfenv(0) == _G)
local function via_tail() return getfenv(2) end
print(pcall(function() return via_tail() end))
