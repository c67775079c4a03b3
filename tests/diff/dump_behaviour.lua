-- string.dump / loadstring round trips behave like the original functions.
-- (The dump bytes themselves differ between implementations: never printed.)

local function reload(f) return assert(loadstring(string.dump(f))) end

print(type(string.dump(function() end)))
print(reload(function(a, b) return a + b, a .. b end)(3, 4))

-- varargs and select
local va = reload(function(...) return select("#", ...), ... end)
print(va())
print(va(1, nil, 3))
print(reload(function(...) local t = {...} return #t, t[2] end)("a", "b", "c"))
print(reload(function(...) return arg.n, arg[1] end)("old", "style"))

-- a whole chunk with parameters
print(reload(loadstring("local a, b = ... return a * b, ..."))(6, 7))

-- loops and control flow
print(reload(function(n)
  local s, w = 0, 0
  for i = 1, n do s = s + i end
  for i = n, 1, -3 do s = s - i end
  for k, v in ipairs({5, 6, 7}) do s = s + k * v end
  while w < n do w = w + 2 end
  repeat w = w - 3 until w < 0
  if s > 10 and w ~= 0 or false then return s, w end
  return -1
end)(10))

-- nested closures with their own upvalues
local mk = reload(function(start)
  local n = start
  return function(d) n = n + d return n end, function() return n end
end)
local inc, get = mk(100)
inc(1); inc(10)
print(get())
print(reload(function() local x = 1 return function() local y = 2 return function() return x + y end end end)()()())

-- strings with zeros and high bytes
local z1, z2 = reload(function() return "a\0b\0\0c", "\255\0\254" end)()
print(#z1, z1:byte(1, -1))
print(#z2, z2:byte(1, -1))

-- numbers
print(reload(function() local z = 0 return 1e300, 0.1, 1/z, -1/z, 2^53, -7 % 3 end)())

-- upvalues are not saved: fresh nils
local up = "outer"
print(pcall(reload(function() return up end)))
print(pcall(reload(function(v) up = v return up end), "new"), up)
print(pcall(reload(function() return up .. "!" end)))

-- globals and environments
reload(function() dumped_global = 42 end)()
print(dumped_global)
local rg = reload(function() return dumped_global end)
setfenv(rg, {dumped_global = "from env"})
print(rg())

-- recursion and tail calls through globals
function dfact(n) if n <= 1 then return 1 end return n * dfact(n - 1) end
print(reload(dfact)(12))
function dcount(n) if n == 0 then return "bottom" end return dcount(n - 1) end
print(reload(dcount)(50000))

-- methods and tables
print(reload(function()
  local o = {v = 41}
  function o:get(d) return self.v + d end
  local t = {1, 2, 3, n = "x"}
  return o:get(1), #t, t.n
end)())

-- load with a reader function
local bytes = string.dump(function(a) return a * 2 end)
local i = 0
local viaload = load(function()
  i = i + 1
  if i > #bytes then return nil end
  return bytes:sub(i, i)
end)
print(viaload(21))

-- a reloaded function can be dumped again
print(reload(reload(function() return "twice" end))())
print(string.dump(reload(va)) == string.dump(va))
