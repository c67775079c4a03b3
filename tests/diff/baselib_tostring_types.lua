local function kind(v) return (tostring(v):gsub("0x%x+", "ADDR"):gsub(": %d+$", ": ADDR")) end
print(kind({}), kind(print), kind(function() end), kind(coroutine.create(print == nil and print or function() end)), kind(newproxy()))
print(kind(string.len), kind(setmetatable({}, {})), kind(setmetatable({}, {__tostring = false})))
print(pcall(tostring, setmetatable({}, {__tostring = true})))
print(tostring(setmetatable({}, {__index = function() return function() return "idx" end end})):match("^table") ~= nil)
