-- __gc finalizers of userdata (newproxy): once, newest first, resurrection
local log = {}
local function make(name)
  local p = newproxy(true)
  getmetatable(p).__gc = function(u) log[#log + 1] = name end
  return p
end
do
  local a, b, c = make("a"), make("b"), make("c")
end
collectgarbage()
print(table.concat(log, " "))

-- resurrection: the finalizer stores the object; it is not finalized again
local saved
do
  local p = newproxy(true)
  getmetatable(p).__gc = function(u) saved = u; log[#log + 1] = "res" end
end
collectgarbage()
print(saved ~= nil, log[#log])
saved = nil
collectgarbage()
collectgarbage()
print(#log)

-- proxies sharing a metatable
local base = newproxy(true)
getmetatable(base).__gc = function() log[#log + 1] = "shared" end
do local x = newproxy(base) end
collectgarbage()
print(log[#log])

-- finalizers run at exit for objects still reachable
keep_me = make("at exit")
print("end of script")
local last = newproxy(true)
getmetatable(last).__gc = function() print("finalized at close") end
local last2 = newproxy(true)
getmetatable(last2).__gc = function() print("finalized at close, newer first") end
