local get
local co = coroutine.create(function()
  local x = {"alive"}
  get = function() return x end
  coroutine.yield()
end)
coroutine.resume(co)
co = nil
collectgarbage()
local v = get()
print(type(v), v and v[1])
