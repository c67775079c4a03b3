local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
proxy[1] = "one"
print(rawget(proxy, "a"), store.a, store[1], proxy.a)
local existing = setmetatable({x = 1}, {__newindex = store})
existing.x = 2
existing.y = 3
print(existing.x, existing.y, store.x, store.y)
local inner_store = {}
local mid = setmetatable({}, {__newindex = inner_store})
local outer = setmetatable({}, {__newindex = mid})
outer.k = "v"
print(rawget(outer, "k"), rawget(mid, "k"), inner_store.k)
local both = setmetatable({}, {__index = store, __newindex = store})
both.z = 26
print(both.z, rawget(both, "z"), store.z)
