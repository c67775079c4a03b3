local co
co = coroutine.create(function()
  print(coroutine.resume(co))
  local inner = coroutine.create(function() return coroutine.resume(co) end)
  print(coroutine.resume(inner))
  return "ok"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(coroutine.create(function() end)))
local errco = coroutine.create(function() error("x") end)
coroutine.resume(errco)
print(coroutine.status(errco), coroutine.resume(errco))
