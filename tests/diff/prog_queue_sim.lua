local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1; self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Queue:size() return self.last - self.first + 1 end
local q = Queue.new()
local seed = 7
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local served, log = 0, {}
for tick = 1, 30 do
  local arrivals = rnd(3)
  for i = 1, arrivals do q:push(tick * 100 + i) end
  if tick % 2 == 0 then
    local c = q:pop()
    if c then served = served + 1; log[#log + 1] = c end
  end
  if tick % 10 == 0 then print("tick", tick, "queue", q:size(), "served", served) end
end
print(table.concat(log, " "))
local words = {}
for w in ("the quick brown fox jumps over the lazy dog the end"):gmatch("%a+") do words[w] = (words[w] or 0) + 1 end
local ks = {}
for k, v in pairs(words) do ks[#ks + 1] = k end
table.sort(ks, function(a, b) if words[a] ~= words[b] then return words[a] > words[b] end return a < b end)
for i = 1, 4 do io.write(ks[i], "=", words[ks[i]], " ") end
print()
