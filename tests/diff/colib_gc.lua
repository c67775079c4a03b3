local weak = setmetatable({}, {__mode = "k"})
do
  local co = coroutine.create(function() coroutine.yield() end)
  coroutine.resume(co)
  weak[co] = true
end
collectgarbage()
collectgarbage()
local n = 0
for k in pairs(weak) do n = n + 1 end
print("suspended unreferenced coroutine collected:", n == 0)
local keep = coroutine.wrap(function() local big = {} for i = 1, 1000 do big[i] = i end coroutine.yield(#big) coroutine.yield(big[1000]) end)
print(keep())
collectgarbage()
print(keep())
