local function counter(start)
  local n = start or 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter(100)
print(c1(), c1(), c1(), c2(), c2(), c1())
local function make()
  local v = 0
  local function inc(d) v = v + (d or 1); return v end
  local function get() return v end
  local function set(x) v = x end
  return inc, get, set
end
local inc, get, set = make()
inc(); inc(5)
print(get())
set(-1)
print(get(), inc())
local inc2, get2 = make()
print(get2(), get())
