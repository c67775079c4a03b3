local function make_pair()
  local value = "initial"
  local getter = function() return value end
  local setter = function(v) value = v end
  return getter, setter
end
local get, set = make_pair()
print(get())
set("changed")
print(get())
local get2, set2 = make_pair()
print(get2(), get())
local function loop_closures()
  local res = {}
  local x = 0
  for i = 1, 3 do
    x = x + i
    res[i] = function() return x end
  end
  return res
end
local r = loop_closures()
print(r[1](), r[2](), r[3]())
local function param_capture(p)
  local f = function() return p end
  p = p .. "!"
  return f
end
print(param_capture("arg")())
local function self_ref()
  local f
  f = function(n) if n > 0 then return f(n - 1) + 1 end return 0 end
  return f
end
print(self_ref()(5))
