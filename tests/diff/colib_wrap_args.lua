local w = coroutine.wrap(function(...)
  local n = select("#", ...)
  while true do
    local args = {coroutine.yield(n)}
    n = #args
  end
end)
print(w(), w(1), w(1, 2), w(nil), w(1, 2, 3, 4, 5))
local echo = coroutine.wrap(function(...) local a = {...} while true do a = {coroutine.yield(unpack(a))} end end)
print(echo(1, 2, 3))
print(echo())
print(echo("x", nil, "z"))
