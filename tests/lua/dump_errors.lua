-- string.dump argument errors, debug info after a round trip, and refusal
-- of bad binary chunks.

-- argument errors
local ok, e = pcall(string.dump, print)
assert(not ok and e == "unable to dump given function", e)
ok, e = pcall(string.dump)
assert(not ok and e:find("function expected, got no value"), e)
ok, e = pcall(string.dump, {})
assert(not ok and e:find("function expected, got table"), e)
ok, e = pcall(string.dump, coroutine.wrap(function() end))
assert(not ok and e == "unable to dump given function", e)

-- upvalues are not saved: they come back as fresh nils
local up = 10
local function useup() return up end
local function setup(v) up = v return up end
local g = loadstring(string.dump(useup))
assert(g() == nil)
local h = loadstring(string.dump(setup))
assert(h(5) == 5 and up == 10)
ok, e = pcall(loadstring(string.dump(function() return up + 1 end)))
assert(not ok and e:find("attempt to perform arithmetic on upvalue 'up'"), e)

-- error messages keep chunk names, lines and variable names
local f = loadstring("local x\n\nx()", "=mychunk")
ok, e = pcall(loadstring(string.dump(f)))
assert(e == "mychunk:3: attempt to call local 'x' (a nil value)", e)

f = loadstring("\nnot_defined_anywhere()", "@some/file.lua")
ok, e = pcall(loadstring(string.dump(f)))
assert(e == "some/file.lua:2: attempt to call global 'not_defined_anywhere' (a nil value)", e)

f = loadstring("local t = {}\nreturn t.a.b")
ok, e = pcall(loadstring(string.dump(f)))
assert(e == '[string "local t = {}..."]:2: attempt to index field \'a\' (a nil value)', e)

local function errline()
  error("raised here")
end
ok, e = pcall(loadstring(string.dump(errline)))
assert(e:find("^.-dump_errors.lua:39: raised here$"), e)

-- tracebacks name the original source
f = loadstring(string.dump(function() return debug.traceback("tb") end))
local tb = f()
assert(tb:find("dump_errors.lua:45"), tb)

-- bad chunks: errors, never crashes
local good = string.dump(function(a) return a end)
local cases = {
  ["\27"] = "unexpected end",
  ["\27Lua"] = "unexpected end",
  ["\27Luajunk"] = "unexpected end",
  ["\27Luajunkjunkjunk"] = "bad header",
  ["\27LuaQ\0\1\4\8\4\8\0" .. ("\0"):rep(40)] = "bad header",
  [good:sub(1, 13)] = "unexpected end",
  [good:sub(1, -2)] = "unexpected end",
  [good .. "x"] = "bad code",
}
for chunk, what in pairs(cases) do
  local fn, msg = loadstring(chunk)
  assert(fn == nil, what)
  assert(msg == "binary string: " .. what .. " in precompiled chunk"
      or msg:find("^binary string: " .. what .. " in precompiled chunk %("), msg)
end
local fn, msg = loadstring(good:sub(1, 20), "=named")
assert(fn == nil and msg == "named: unexpected end in precompiled chunk", msg)
fn, msg = loadstring(good:sub(1, 20), "@file.luac")
assert(fn == nil and msg == "file.luac: unexpected end in precompiled chunk", msg)

-- every truncation of a real dump is refused cleanly
local big = string.dump(function(...)
  local t = {...}
  for i, v in ipairs(t) do t[i] = tostring(v) .. "\0" end
  return table.concat(t, ","), select("#", ...)
end)
for i = 1, #big - 1 do
  local fn2, msg2 = loadstring(big:sub(1, i))
  assert(fn2 == nil and msg2:find("precompiled chunk"), i)
end
assert(loadstring(big)(1, 2) == "1\0,2\0")

-- every single-byte change either loads or is refused; none crashes
local changed, refused = 0, 0
for i = 1, #big do
  for _, v in ipairs({0, 1, 0x7f, 0x80, 0xff}) do
    local mutated = big:sub(1, i - 1) .. string.char(v) .. big:sub(i + 1)
    local fn3 = loadstring(mutated)
    if fn3 then changed = changed + 1 else refused = refused + 1 end
  end
end
assert(refused > 0 and changed > 0)



-- a genuine luac 5.1 chunk (header 1b 'L' 'u' 'a' 51 ...) is not ours
local puc = "\27LuaQ\0\1\4\8\4\8\0" .. ("\0"):rep(60)
fn, msg = loadstring(puc)
assert(fn == nil and msg == "binary string: bad header in precompiled chunk", msg)
fn, msg = loadstring("\27LuaQ\0\1\4\8\4\8\0")
assert(fn == nil and msg == "binary string: bad header in precompiled chunk", msg)
print("dump_errors ok")
