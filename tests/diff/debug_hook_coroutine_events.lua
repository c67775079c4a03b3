-- call events across resume and yield; hooks set on a coroutine only.
local log = {}
local co = coroutine.create(function(a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
debug.sethook(co, function(e)
  local t = debug.getinfo(2, "nS")
  log[#log + 1] = e .. " " .. tostring(t.name) .. " " .. t.what
end, "c")
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 5))
for i, e in ipairs(log) do print(i, e) end
print(coroutine.status(co))
