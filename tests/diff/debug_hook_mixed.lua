-- line and call/return events together.
local log = {}
local function f(x) return x * 2 end
debug.sethook(function(e, l)
  log[#log + 1] = e .. (l and (":" .. l) or "")
end, "crl")
local v = f(1)
v = f(v)
debug.sethook()
print(v)
print(table.concat(log, " "))
