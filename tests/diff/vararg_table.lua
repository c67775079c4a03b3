local function pack(...) return {...} end
local t = pack(1, 2, 3)
print(#t, t[1], t[3])
t = pack()
print(#t, next(t))
t = pack(nil, "b")
print(t[1], t[2])
local function pack_n(...) return {n = select("#", ...), ...} end
t = pack_n(nil, nil, 3)
print(t.n, t[1], t[2], t[3])
local function first_two(...) local a, b = ... return a, b end
print(first_two(1, 2, 3))
print(first_two(1))
local function middle(...) return ..., "end" end
print(middle(1, 2, 3))
local function wrap(...) return {..., ...} end
t = wrap("a", "b")
print(#t, t[1], t[2], t[3])
local function va_upvalue(...)
  local args = {...}
  return function() return unpack(args) end
end
print(va_upvalue(7, 8, 9)())
local function mix(a, b, ...) return a, b, select("#", ...), ... end
print(mix(1))
print(mix(1, 2, 3, 4))
