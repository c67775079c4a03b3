print("before the error")
io.write("partial line\n")
local t = nil
print(t.x)
print("never reached")
