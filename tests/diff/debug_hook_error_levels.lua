-- errors raised by hooks: positions and messages.
local function run(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
debug.sethook(function(e, l) if e == "line" and l == 8 then error("stop here") end end, "l")
run(function()
  local x = 1
end)
debug.sethook(function() error("in count", 2) end, "", 1)
run(function() local y = 1 end)
debug.sethook(function() error({code = 1}) end, "c")
local ok, e = pcall(function() end)
debug.sethook()
print(ok, type(e), type(e) == "table" and e.code)
debug.sethook(function(e) if e == "return" then error("on return") end end, "r")
print(pcall(function() return 1 end))
debug.sethook()
print(debug.gethook())
