-- an error handler still runs after a stack overflow
local function f() return 1 + f() end
local ok, msg = xpcall(f, function(e) return "H:" .. e end)
print(ok, (string.gsub(msg, "^H:.-:%d+: ", "H:")))
local ok2, msg2 = pcall(f)
print(ok2, string.find(msg2, "stack overflow") ~= nil)
