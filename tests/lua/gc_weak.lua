-- Weak tables lose entries whose weak key or value was collected.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

local wk = setmetatable({}, {__mode = "k"})
local wv = setmetatable({}, {__mode = "v"})
local wkv = setmetatable({}, {__mode = "kv"})
local live_key, live_val = {}, {}
for i = 1, 100 do
  wk[{}] = i            -- dead key
  wv[i] = {}            -- dead value
  wkv[{}] = {}          -- both dead
end
wk[live_key] = "kept"
wv.live = live_val
wkv[live_key] = live_val
-- strings and numbers are values: never cleared
wk["str"] = {}
wv[200] = "a string value"
wv[201] = 42
wkv["s"] = "t"
collectgarbage()
assert(count(wk) == 2, "weak keys: " .. count(wk))
assert(wk[live_key] == "kept" and type(wk.str) == "table")
assert(count(wv) == 3, "weak values: " .. count(wv))
assert(wv.live == live_val and wv[200] == "a string value" and wv[201] == 42)
assert(count(wkv) == 2, "weak kv: " .. count(wkv))
assert(wkv[live_key] == live_val and wkv.s == "t")

-- A cache keyed by objects empties once the objects are gone.
local cache = setmetatable({}, {__mode = "k"})
do
  for i = 1, 1000 do cache[{i}] = i * 2 end
end
collectgarbage()
assert(next(cache) == nil)

-- Values referenced strongly elsewhere stay.
local objs = {}
local reg = setmetatable({}, {__mode = "v"})
for i = 1, 10 do objs[i] = {id = i}; reg[i] = objs[i] end
objs[3], objs[7] = nil, nil
collectgarbage()
assert(reg[1].id == 1 and reg[3] == nil and reg[7] == nil and reg[10].id == 10)
print("weak ok")
