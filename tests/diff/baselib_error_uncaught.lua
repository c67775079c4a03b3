print("before")
local function f() error({code = 1}) end
f()
print("never")
