-- what a Lua hook sees of the hooked function.
local out = {}
local function hook(e, l)
  local t = debug.getinfo(2, "nSl")
  local me = debug.getinfo(1, "nS")
  out[#out + 1] = string.format("%s %s %s %s %d | %s %s", e, tostring(l), tostring(t.name), t.what, t.currentline, tostring(me.name), me.what)
end
local function work(a)
  local b = a + 1
  return b
end
debug.sethook(hook, "crl")
work(1)
debug.sethook()
for _, s in ipairs(out) do print(s) end
