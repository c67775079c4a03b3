-- hooks are per thread.
local main_lines, co_lines = 0, 0
local co = coroutine.create(function()
  local a = 1
  coroutine.yield()
  local b = 2
  return a + b
end)
debug.sethook(co, function() co_lines = co_lines + 1 end, "l")
print(debug.gethook() == nil, select(2, debug.gethook(co)))
coroutine.resume(co)
local x = 1
coroutine.resume(co)
print(main_lines, co_lines)
debug.sethook(co)
print(debug.gethook(co))
local co2 = coroutine.create(function()
  print("in co2", debug.gethook())
end)
local seen = 0
debug.sethook(function() seen = seen + 1 end, "l")
coroutine.resume(co2)
debug.sethook()
print(seen > 0)
