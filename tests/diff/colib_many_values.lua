local t = {}
for i = 1, 300 do t[i] = i end
local co = coroutine.create(function(...)
  local n = select("#", ...)
  local r = {coroutine.yield(n, ...)}
  return #r
end)
local res = {coroutine.resume(co, unpack(t))}
print(#res, res[1], res[2], res[302])
print(coroutine.resume(co, unpack(t)))
local gen = coroutine.wrap(function() coroutine.yield() coroutine.yield(nil) coroutine.yield(nil, nil) end)
print(select("#", gen()), select("#", gen()), select("#", gen()), select("#", gen()))
