-- An uncaught error inside a reloaded function: the message (stderr) and
-- the exit status match lua5.1's.
local f = loadstring(string.dump(function()
  local t = nil
  t.x = 1
end))
print("before")
f()
print("not reached")
