-- tail calls: call events for each callee, tail return events.
local log = {}
local function hook(event)
  local t = debug.getinfo(2, "nS")
  log[#log + 1] = event .. " " .. tostring(t.name) .. " " .. t.what
end
local function leaf() return "leaf" end
local function t2() return leaf() end
local function t1() return t2() end
local function nat() return tostring(1) end
debug.sethook(hook, "cr")
local r = t1()
local s = nat()
debug.sethook()
for i, e in ipairs(log) do print(i, e) end
print(r, s)
