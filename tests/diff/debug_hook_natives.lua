-- call/return events for C functions and metamethods.
local log = {}
local function hook(e)
  local t = debug.getinfo(2, "nS")
  if t.what == "C" or t.what == "Lua" then
    log[#log + 1] = e .. " " .. tostring(t.name) .. " " .. t.what
  end
end
local mt = {__index = function(t, k) return k .. "!" end,
            __add = function(a, b) return 3 end}
local obj = setmetatable({}, mt)
debug.sethook(hook, "cr")
local v = obj.key
local w = obj + obj
local s = ("abc"):upper()
local n = select("#", 1, 2, 3)
local ok = pcall(error, "e")
debug.sethook()
for i, e in ipairs(log) do print(i, e) end
print(v, w, s, n, ok)
