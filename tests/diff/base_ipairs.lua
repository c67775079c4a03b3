local res = {}
for i, v in ipairs({"a", "b", nil, "d"}) do res[#res + 1] = i .. v end
print(table.concat(res, " "))
local mt = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 11 end end})
local c = 0
for i, v in ipairs(mt) do c = c + 1 end
print("ipairs in 5.1 uses raw access", c)
print(pcall(ipairs))
print(pcall(function() return ipairs(nil) end))
print(pcall(function() return ipairs("str") end))
local t = {}
t[1] = "x"; t[2] = "y"; t[4] = "w"
local out = {}
for i, v in ipairs(t) do out[#out + 1] = v end
print(table.concat(out))
local f, s, init = ipairs({})
print(init, f({}, 0))
