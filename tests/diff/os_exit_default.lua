-- os.exit() is a success; finalizers do not run (5.1 does not close the state)
local u = newproxy(true)
getmetatable(u).__gc = function() print("finalizer ran") end
_G.keep = u
io.write("bye")
os.exit()
