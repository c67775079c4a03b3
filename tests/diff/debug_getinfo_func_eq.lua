-- the func field identifies the running functions.
local function f()
  return debug.getinfo(1, "f").func, debug.getinfo(2, "f").func
end
local me, caller = f()
print(me == f, caller == debug.getinfo(1, "f").func)
print(debug.getinfo(1, "f").func == debug.getinfo(1, "f").func)
local co = coroutine.wrap(function() return debug.getinfo(1, "f").func end)
print(type(co()))
print(debug.getinfo(print, "f").func == print)
print(debug.getinfo(0, "f").func == debug.getinfo)
