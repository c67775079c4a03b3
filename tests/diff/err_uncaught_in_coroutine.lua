local co = coroutine.wrap(function()
  coroutine.yield("first")
  local x = nil
  return x + 1
end)
print(co())
print(co())
