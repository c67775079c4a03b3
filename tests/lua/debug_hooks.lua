-- Assertions over debug hooks (orders and counts are compared with lua5.1
-- by tests/diff/debug_hook_*.lua).

-- line events of a loop repeat the loop lines
local lines = {}
local function loop()
  local s = 0
  for i = 1, 3 do
    s = s + i
  end
  return s
end
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l")
loop()
debug.sethook()
local got = table.concat(lines, " ")
assert(got:find("7 8 9 8 9 8 9 8 11", 1, true), got)

-- count events: one every n instructions, also inside an empty loop
local n = 0
debug.sethook(function() n = n + 1 if n == 100 then debug.sethook() error("enough", 0) end end, "", 3)
local ok, msg = pcall(function() while true do end end)
debug.sethook()
assert(not ok and msg == "enough" and n == 100)

-- hooks are off while a hook runs (no recursion), on again afterwards
local depth, maxdepth, events = 0, 0, 0
local function helper() return 1 end
debug.sethook(function()
  events = events + 1
  depth = depth + 1
  if depth > maxdepth then maxdepth = depth end
  helper()
  depth = depth - 1
end, "crl")
helper()
debug.sethook()
assert(maxdepth == 1 and events > 3, maxdepth .. " " .. events)

-- an error in a hook propagates, and the hook works again afterwards
local fired = 0
debug.sethook(function(e)
  if debug.getinfo(2, "f").func ~= helper then return end
  fired = fired + 1
  if fired == 1 then error("first") end
end, "c")
local ok2, err2 = pcall(helper)
assert(not ok2 and tostring(err2):find("first"))
helper()
debug.sethook()
assert(fired >= 2, fired)

-- return hooks leave the returned values alone
debug.sethook(function() local a, b, c = 1, 2, 3 end, "r")
local function three() return "x", "y", "z" end
local x, y, z = three()
debug.sethook()
assert(x == "x" and y == "y" and z == "z")

-- deep recursion under a call hook still ends in a stack overflow error
debug.sethook(function() end, "c")
local function rec() return 1 + rec() end
local ok3, err3 = pcall(rec)
debug.sethook()
assert(not ok3 and tostring(err3):find("stack overflow"), tostring(err3))

-- tail calls: one call event per function, tail returns for the lost ones
local log = {}
debug.sethook(function(e) log[#log + 1] = e end, "cr")
local function c3() return 3 end
local function c2() return c3() end
local function c1() return c2() end
c1()
debug.sethook()
local s = table.concat(log, ",")
assert(s:find("call,call,call,return,tail return,tail return", 1, true), s)

-- per-thread hooks, and a coroutine's hook survives its yields
local colines = 0
local co = coroutine.create(function()
  for i = 1, 3 do coroutine.yield(i) end
end)
debug.sethook(co, function() colines = colines + 1 end, "l")
local before = colines
coroutine.resume(co)
local mid = colines
local zz = 1
assert(colines == mid)
coroutine.resume(co)
coroutine.resume(co)
assert(colines > mid and mid > before)
assert(debug.gethook() == nil)

-- the coroutine running the hook sees itself in getinfo
local seen
local co2 = coroutine.create(function()
  debug.sethook(function() seen = seen or debug.getinfo(2, "S").what end, "c")
  local function inner() end
  inner()
  debug.sethook()
end)
coroutine.resume(co2)
assert(seen == "Lua", tostring(seen))
print("debug_hooks ok")
