local co = coroutine.create(function(...)
  print("args", select("#", ...), ...)
  local r = {coroutine.yield()}
  print("resume1", #r, unpack(r))
  r = {coroutine.yield(nil, nil)}
  print("resume2", #r)
  r = {coroutine.yield(1, 2, 3, 4, 5)}
  return unpack(r)
end)
print(coroutine.resume(co, "a", nil, "c"))
print(select("#", coroutine.resume(co, "x", "y")))
print(coroutine.resume(co))
print(coroutine.resume(co, "final", "values"))
local echo = coroutine.wrap(function(...)
  local args = {...}
  while true do args = {coroutine.yield(unpack(args))} end
end)
print(echo(1, 2))
print(echo())
print(echo("only"))
