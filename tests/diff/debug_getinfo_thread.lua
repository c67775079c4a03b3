-- getinfo with a thread argument.
local function inner() coroutine.yield(1) end
local function body() inner() end
local co = coroutine.create(body)
print(debug.getinfo(co, 0))
coroutine.resume(co)
for i = 0, 3 do
  local t = debug.getinfo(co, i, "nSl")
  if t then
    print(i, t.what, t.name, t.namewhat, t.currentline, t.short_src)
  else
    print(i, nil)
  end
end
print(debug.getinfo(co, 1, "f").func == inner)
print(debug.getinfo(co, 2, "f").func == body)
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, 1, "?"))
coroutine.resume(co)
print(coroutine.status(co), debug.getinfo(co, 0))
local main_level = debug.getinfo(1, "l").currentline
print(main_level)
local co2 = coroutine.create(function()
  local me = coroutine.running()
  print(debug.getinfo(me, 0, "n").name)
  print(debug.getinfo(me, 1, "l").currentline)
end)
coroutine.resume(co2)
