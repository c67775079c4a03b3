-- setfenv reaches a function suspended inside a coroutine
local function body() while true do coroutine.yield(x) end end
x = "global"
local co = coroutine.wrap(body)
print(co())
setfenv(body, {x = "newenv", coroutine = coroutine})
print(co())
