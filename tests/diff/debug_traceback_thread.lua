-- traceback of another coroutine.
local function deep(n)
  if n == 0 then coroutine.yield() else deep(n - 1) end
end
local co = coroutine.create(function() deep(3) end)
print(debug.traceback(co))
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "message"))
print(debug.traceback(co, "message", 2))
print(debug.traceback(co, nil, 1))
print(debug.traceback(co, "m", 0))
local t = {}
print(debug.traceback(co, t) == t)
coroutine.resume(co)
print(coroutine.status(co))
print(debug.traceback(co, "dead"))
local me
me = coroutine.create(function()
  print((debug.traceback(me, "self"):gsub("0x%x+", "ADDR")))
  print(debug.traceback("self2"))
end)
coroutine.resume(me)
