-- setupvalue changes shared upvalues.
local function make()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  return inc, get
end
local inc, get = make()
inc()
print(debug.setupvalue(inc, 1, 41))
print(get(), inc(), get())
print(debug.setupvalue(inc, 2, 0))
print(select("#", debug.setupvalue(inc, 2, 0)))
print(select("#", debug.setupvalue(print, 1, 0)))
local x = "x"
local function f() return x end
print(debug.setupvalue(f, 1, "y"), f(), x)
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.setupvalue, f))
print(pcall(debug.setupvalue, 1, 1, 1))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue, "f", 1))
print(pcall(debug.getupvalue, nil, 1))
