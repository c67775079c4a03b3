-- The collector frees garbage and keeps everything reachable intact.

-- Garbage of every kind, with a small live set: memory stays bounded.
local base = collectgarbage("count")
local keep = {}
for i = 1, 300000 do
  local t = {i, {i}, name = "n" .. i}
  local f = function() return t end
  local s = string.rep("x", 50) .. i
  local co = coroutine.create(function(a) coroutine.yield(a) end)
  coroutine.resume(co, t)
  if i % 30000 == 0 then keep[#keep + 1] = {t = t, f = f, s = s} end
end
collectgarbage()
local after = collectgarbage("count")
assert(after < base + 4096, "memory not reclaimed: " .. base .. " -> " .. after)
for k, v in ipairs(keep) do
  assert(v.t[1] == k * 30000 and v.t[2][1] == k * 30000 and v.t.name == "n" .. k * 30000)
  assert(v.f() == v.t)
  assert(v.s == string.rep("x", 50) .. k * 30000)
end

-- Upvalues (open and closed) survive collections.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
for i = 1, 100 do c(); collectgarbage() end
assert(c() == 101)

-- Strings freed and interned again compare equal.
local function mk(i) return "key" .. i end
local t = {}
for i = 1, 1000 do t[mk(i)] = i end
collectgarbage()
for i = 1, 1000 do assert(t[mk(i)] == i) end

-- table.sort keeps its values alive while the comparator allocates.
local arr = {}
for i = 1, 2000 do arr[i] = {v = (i * 7919) % 2000} end
table.sort(arr, function(a, b)
  local junk = {a, b, tostring(a.v)}
  if a.v % 97 == 0 then collectgarbage() end
  return a.v < b.v
end)
for i = 2, #arr do assert(arr[i - 1].v <= arr[i].v) end

-- gsub callbacks and pcall error values survive collections.
local r = string.gsub(string.rep("ab", 500), "a", function(x) collectgarbage("step"); return x:upper() end)
assert(r == string.rep("Ab", 500))
local ok, e = pcall(function() error({code = 42}) end)
collectgarbage()
assert(not ok and e.code == 42)

-- A suspended coroutine and what it references stay alive.
local gen = coroutine.wrap(function()
  local state = {count = 0}
  while true do state.count = state.count + 1; coroutine.yield(state.count) end
end)
for i = 1, 10 do assert(gen() == i); collectgarbage() end

-- A cycle between a coroutine and a table is collected.
local b2 = collectgarbage("count")
for i = 1, 20000 do
  local holder = {}
  holder.co = coroutine.create(function() return holder end)
end
collectgarbage()
assert(collectgarbage("count") < b2 + 1024)

-- Options return what 5.1 returns.
assert(collectgarbage("setpause", 150) == 200)
assert(collectgarbage("setpause", 200) == 150)
assert(collectgarbage("setstepmul", 300) == 200)
assert(type(collectgarbage("step")) == "boolean")
assert(collectgarbage("stop") == 0 and collectgarbage("restart") == 0)
assert(type(gcinfo()) == "number")
print("gc ok")
