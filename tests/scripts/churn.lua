-- Allocates and drops several GB of tables, strings, closures and
-- coroutines while keeping a small live set; prints the largest
-- collectgarbage("count") seen.
local live = {}
local max_kb = 0
for round = 1, 40 do
  for i = 1, 50000 do
    local t = {i, i * 2, name = "item" .. i, sub = {round}}
    local s = string.rep("y", 200) .. i
    local f = function() return t, s end
    if i % 1000 == 0 then
      live[(i / 1000) % 64 + 1] = f
      local co = coroutine.wrap(function() coroutine.yield(t) end)
      co()
    end
  end
  local kb = collectgarbage("count")
  if kb > max_kb then max_kb = kb end
end
print(string.format("%d", max_kb))
