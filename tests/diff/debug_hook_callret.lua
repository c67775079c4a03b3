-- call and return events, in order, with the names getinfo gives.
local log = {}
local function hook(event)
  local t = debug.getinfo(2, "nS")
  log[#log + 1] = event .. " " .. tostring(t.name) .. " " .. t.what
end
local function a() return 1 end
local function b() return a() + 1 end
local function c() local x = b() return x end
debug.sethook(hook, "cr")
c()
local s = string.format("%d", 1)
debug.sethook()
for i, e in ipairs(log) do print(i, e) end
