-- Assertions over the debug library (see also tests/diff/debug_*.lua,
-- which compare with lua5.1).

-- getinfo fields of a Lua function and of the running one
local function f(a, b) return a + b end
local t = debug.getinfo(f)
assert(t.what == "Lua" and t.linedefined == 5 and t.lastlinedefined == 5)
assert(t.nups == 0 and t.func == f and t.currentline == -1)
assert(t.source:sub(1, 1) == "@" and t.short_src:find("debug_library.lua$"))
local me = debug.getinfo(1, "Sl")
assert(me.what == "main" and me.currentline == 10)
assert(debug.getinfo(print).what == "C")
assert(debug.getinfo(100) == nil)
assert(not pcall(debug.getinfo, 1, "?"))

-- names
local function named() return debug.getinfo(1, "n") end
local n = named()
assert(n.name == "named" and n.namewhat == "local")
local obj = {}
function obj:m() return debug.getinfo(1, "n") end
n = obj:m()
assert(n.name == "m" and n.namewhat == "method")

-- locals
local function locals(x, y)
  local z = x * y
  local names = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    names[#names + 1] = name
    i = i + 1
  end
  return table.concat(names, ",")
end
assert(locals(2, 3) == "x,y,z,names,i", locals(2, 3))
local function setter()
  local v = 1
  assert(debug.setlocal(1, 1, 42) == "v")
  return v
end
assert(setter() == 42)

-- upvalues
local up1, up2 = 10, 20
local function g() return up1 + up2 end
assert(debug.getupvalue(g, 1) == "up1")
assert(select(2, debug.getupvalue(g, 2)) == 20)
assert(debug.setupvalue(g, 2, 5) == "up2" and up2 == 5 and g() == 15)
assert(debug.getupvalue(g, 3) == nil)

-- hooks: call/return balance, line numbers, count
local calls, rets = 0, 0
debug.sethook(function(e)
  if e == "call" then calls = calls + 1 else rets = rets + 1 end
end, "cr")
for i = 1, 10 do f(i, i) end
debug.sethook()
assert(calls == 11 and rets == 11, calls .. " " .. rets)

local seen = {}
debug.sethook(function(e, l) seen[#seen + 1] = l end, "l")
local a = 1
local b = 2
debug.sethook()
assert(seen[1] == 65 and seen[2] == 66 and seen[3] == 67, table.concat(seen, " "))

local counts = 0
debug.sethook(function() counts = counts + 1 end, "", 1)
for i = 1, 100 do end
debug.sethook()
assert(counts >= 100, counts)

-- a count hook stops an endless loop
debug.sethook(function() error("stopped") end, "", 10000)
local ok, msg = pcall(function() while true do end end)
debug.sethook()
assert(not ok and msg:find("stopped$"), msg)

-- hooks are per thread
local co = coroutine.create(function() for i = 1, 3 do coroutine.yield(i) end end)
local colines = 0
debug.sethook(co, function() colines = colines + 1 end, "l")
assert(debug.gethook() == nil)
coroutine.resume(co)
coroutine.resume(co)
assert(colines > 0)
assert(select(2, debug.gethook(co)) == "l")

-- a coroutine made by a hooked thread inherits the hook's mask
debug.sethook(function() end, "c", 0)
local inner = coroutine.create(function() return select(2, debug.gethook()) end)
local _, mask = coroutine.resume(inner)
debug.sethook()
assert(mask == "c", tostring(mask))

-- traceback
local tb = debug.traceback("msg")
assert(tb:find("^msg\nstack traceback:\n"))
assert(debug.traceback({}) ~= nil and type(debug.traceback({})) == "table")
local co2 = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co2)
assert(debug.traceback(co2):find("in function 'yield'"))

-- environments and metatables
local env = {}
local function h() return x end
debug.setfenv(h, env)
env.x = "e"
assert(h() == "e" and debug.getfenv(h) == env)
debug.setmetatable(0, {__index = {twice = function(v) return v * 2 end}})
assert((4):twice() == 8)
debug.setmetatable(0, nil)
assert(debug.getmetatable(setmetatable({}, {__metatable = false})).__metatable == false)
assert(type(debug.getregistry()) == "table")
print("debug_library ok")
