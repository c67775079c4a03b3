local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(tbl, k, v and v * 10)
end})
t.a = 1
t.b = 2
t.a = 3
t[1] = 5
print(t.a, t.b, t[1], table.concat(log, " "))
local readonly = setmetatable({}, {__index = {x = 1}, __newindex = function(_, k) error("attempt to set " .. k, 2) end})
print(readonly.x)
print(pcall(function() readonly.y = 2 end))
local count = 0
local counter = setmetatable({}, {__newindex = function(tb, k, v) count = count + 1 end})
counter.a = 1; counter.a = 2; counter[1] = nil
print(count, rawget(counter, "a"))
local tracked = {}
local shadow = {}
setmetatable(tracked, {__index = shadow, __newindex = function(_, k, v) shadow[k] = v; io.write("set ", k, " ") end})
tracked.p = 1; tracked.p = 2
print(tracked.p, rawget(tracked, "p"))
