-- getlocal/setlocal on a suspended coroutine.
local co = coroutine.create(function(p)
  local q = p * 2
  local r = coroutine.yield(q)
  print("resumed", p, q, r)
  return q
end)
print(coroutine.resume(co, 21))
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getlocal(co, 1, 3))
print(debug.setlocal(co, 1, 2, 100))
print(pcall(debug.getlocal, co, 5, 1))
print(debug.getlocal(co, 0, 1))
print(coroutine.resume(co, "r"))
