local function iter(t)
  return coroutine.wrap(function()
    for k, v in ipairs(t) do coroutine.yield(k, v) end
    return nil
  end)
end
for k, v in iter({"a", "b", "c"}) do io.write(k, v, " ") end print()
local co = coroutine.create(function()
  for i in function(_, i) i = (i or 0) + 1 if i <= 3 then coroutine.yield("step" .. i) return i end end do end
  return "done"
end)
for i = 1, 5 do print(coroutine.resume(co)) end
local co2 = coroutine.create(function()
  local t = {}
  for w in string.gmatch("x y z", "%a") do t[#t + 1] = coroutine.yield(w) end
  return table.concat(t)
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2, 1))
print(coroutine.resume(co2, 2))
print(coroutine.resume(co2, 3))
