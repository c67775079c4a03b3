-- string.dump round trips: the loaded function behaves like the original.

local function reload(f)
  local s = string.dump(f)
  assert(type(s) == "string")
  assert(s:sub(1, 4) == "\27Lua" and s:byte(5) ~= 0x51)
  local g, err = loadstring(s)
  assert(g, err)
  -- dumping the reloaded function gives the same bytes
  assert(string.dump(g) == s)
  return g
end

-- plain arithmetic and parameters
local function add(a, b) return a + b end
assert(reload(add)(2, 3) == 5)

-- varargs
local function va(...)
  return select("#", ...), ...
end
local g = reload(va)
local n, a, b, c = g(1, nil, 3)
assert(n == 3 and a == 1 and b == nil and c == 3)
assert(select("#", g()) == 1)

local function pack(...) return {n = select("#", ...), ...} end
local t = reload(pack)(4, 5, 6)
assert(t.n == 3 and t[1] == 4 and t[3] == 6)

-- 5.1's compatibility `arg` table
local function oldstyle(...) return arg.n, arg[1], arg[2] end
local an, a1, a2 = reload(oldstyle)("x", "y")
assert(an == 2 and a1 == "x" and a2 == "y")

-- loops: numeric, generic, while, repeat
local function loops(n)
  local s = 0
  for i = 1, n do s = s + i end
  for i = n, 1, -2 do s = s + i end
  for k, v in ipairs({10, 20, 30}) do s = s + k * v end
  local keys = 0
  for k in pairs({a = 1, b = 2}) do keys = keys + 1 end
  local w = 0
  while w < 5 do w = w + 1 end
  repeat w = w - 2 until w <= 0
  return s, keys, w
end
local s1, k1, w1 = loops(10)
local s2, k2, w2 = reload(loops)(10)
assert(s1 == s2 and k1 == k2 and w1 == w2, s2)

-- nested closures: the inner functions survive, their upvalues work
local function maker()
  local count = 0
  local function inc(d) count = count + (d or 1); return count end
  local function get() return count end
  return inc, get
end
local inc, get = reload(maker)()
inc(); inc(5)
assert(get() == 6)

local function deep()
  local x = 1
  return function()
    local y = 2
    return function()
      local z = 3
      return function() return x + y + z end
    end
  end
end
assert(reload(deep)()()()() == 6)

-- string constants with embedded zeros and high bytes
local function zeros() return "a\0b\0\0c", "\255\254\0", #"\0\0\0" end
local z1, z2, z3 = reload(zeros)()
assert(z1 == "a\0b\0\0c" and #z1 == 6)
assert(z2 == "\255\254\0" and z3 == 3)

-- numbers: large, fractional, negative zero, inf, nan
local function nums() local z = 0 return 1e300, 0.1, 1/z, -1/z, 0/z, 2^53 end
local r1, r2, r3, r4, r5, r6 = reload(nums)()
assert(r1 == 1e300 and r2 == 0.1 and r3 == math.huge and r4 == -math.huge)
assert(r5 ~= r5 and r6 == 2^53)
-- (5.1 folds -0.0 into the constant slot of 0; keep that function alone)
local function negzero() return -0.0 end
assert(1 / reload(negzero)() == 1 / negzero())

-- booleans and nil constants, tables, methods
local function misc()
  local o = {v = 41}
  function o:get() return self.v + 1 end
  return o:get(), true, false, nil, #{1, 2, 3, nil}
end
local m1, m2, m3, m4 = reload(misc)()
assert(m1 == 42 and m2 == true and m3 == false and m4 == nil)

-- recursion through a global
function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
assert(reload(fact)(10) == 3628800)

-- tail calls
local function tc(n) if n == 0 then return "done" end return tc2(n - 1) end
function tc2(n) if n == 0 then return "done" end return tc2(n - 1) end
assert(reload(tc)(10000) == "done")

-- a whole chunk
local chunk = assert(loadstring("local a, b = ... ; return a * b, ..."))
local x1, x2, x3 = reload(chunk)(6, 7)
assert(x1 == 42 and x2 == 6 and x3 == 7)

-- the reloaded function uses the globals
local function setg() dump_global = "set" end
reload(setg)()
assert(dump_global == "set")

-- setfenv works on reloaded functions
local function readg() return dump_global end
local rg = reload(readg)
setfenv(rg, {dump_global = "env"})
assert(rg() == "env")

-- load with a reader function, piece by piece
local bytes = string.dump(add)
local pos = 0
local viaload = assert(load(function()
  if pos >= #bytes then return nil end
  local piece = bytes:sub(pos + 1, pos + 3)
  pos = pos + 3
  return piece
end))
assert(viaload(20, 22) == 42)

-- many constants and a big function
local src = {"local t = {}"}
for i = 1, 300 do src[#src + 1] = ("t[%d] = 'k%d'"):format(i, i) end
src[#src + 1] = "return t"
local big = reload(assert(loadstring(table.concat(src, "\n"))))()
assert(#big == 300 and big[300] == "k300")

print("dump_roundtrip ok")
