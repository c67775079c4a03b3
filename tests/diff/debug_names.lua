-- names of called functions as getinfo and errors report them.
local function who() local t = debug.getinfo(2, "n") return tostring(t.name) .. "/" .. t.namewhat end
local function name() return who() end
local t = {f = function() return name() end}
print(t.f())
for k in function() print(who()) return nil end do end
print(pcall(function() for k in next, 5 do end end))
print(select(2, pcall(function() local s = ("x"):rep(-1, 1, 2) return s:bad() end)))
local function caller() local r = who() return r end
print(caller())
local m = {}
function m:meth() return debug.getinfo(1, "n").name, debug.getinfo(1, "n").namewhat end
print(m:meth())
print(m.meth(m))
local up = function() return debug.getinfo(1, "n").name, debug.getinfo(1, "n").namewhat end
local function viaup() return (up()) end
print(viaup())
print(select(2, pcall(string.rep)))
print(select(2, pcall(("x").rep)))
