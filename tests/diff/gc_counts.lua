-- collectgarbage results where 5.1 is deterministic
local big = {}
for i = 1, 50000 do big[i] = {i, tostring(i)} end
local with_big = collectgarbage("count")
big = nil
collectgarbage()
local without = collectgarbage("count")
print(type(with_big), with_big > without, with_big - without > 1000)
local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local keep = {}
for i = 1, 10 do
  local o = {}
  wk[o] = i
  wv[i] = o
  if i % 2 == 0 then keep[#keep + 1] = o end
end
collectgarbage()
local nk, nv = 0, 0
for _ in pairs(wk) do nk = nk + 1 end
for _ in pairs(wv) do nv = nv + 1 end
print(nk, nv)
print(collectgarbage("setpause", 100), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 400), collectgarbage("setstepmul", 200))
print(collectgarbage("stop"), collectgarbage("restart"), collectgarbage("collect"))
print(type(gcinfo()), pcall(collectgarbage, "bogus"))
