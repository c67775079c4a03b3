local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i) end
  return "end"
end)
print(gen(3), gen(), gen(), gen())
print(pcall(gen))
local w = coroutine.wrap(function() error("inside wrap") end)
print(pcall(w))
local w2 = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(w2)
print(ok, type(e), e.code)
local w3 = coroutine.wrap(function() error("no position", 0) end)
print(pcall(w3))
print(type(coroutine.wrap(function() end)))
local acc = coroutine.wrap(function(first)
  local total = first
  while true do total = total + coroutine.yield(total) end
end)
print(acc(1), acc(2), acc(3), acc(4))
print(pcall(coroutine.wrap, 1))
