-- table.insert uses raw access: __index/__newindex are not consulted
local log = {}
local t = setmetatable({1, 2}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end,
  __index = function(t, k) log[#log + 1] = "get" .. k return nil end})
table.insert(t, 3)
table.insert(t, 1, 0)
print(#log, t[1], t[2], t[3], t[4])
local p = setmetatable({}, {__len = function() return 10 end})
table.insert(p, "x")
print(p[1], rawget(p, 11))
