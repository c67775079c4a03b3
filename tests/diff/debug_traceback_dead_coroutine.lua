-- A coroutine that died by error keeps its frames: its traceback and
-- getinfo still show where it failed, as in 5.1.
local function lvl2() error("oops") end
local function lvl1() lvl2() end
local co = coroutine.create(function() lvl1() end)
local ok, err = coroutine.resume(co)
print(ok, err)
print(debug.traceback(co, err))
print(debug.traceback(co))
print(coroutine.status(co))
print(debug.getinfo(co, 0, "l") and debug.getinfo(co, 0, "l").currentline)
print(coroutine.resume(co))
-- A coroutine that finished normally is dead with nothing left.
local done = coroutine.create(function() return 1 end)
print(coroutine.resume(done))
print(debug.traceback(done))
print(collectgarbage("count") > 0)
