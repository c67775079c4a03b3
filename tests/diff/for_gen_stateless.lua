local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local function my_ipairs(t) return iter, t, 0 end
for i, v in my_ipairs({"x", "y", "z"}) do io.write(i, v, " ") end print()
local function rev_iter(t, i)
  i = i - 1
  if i > 0 then return i, t[i] end
end
local function reverse(t) return rev_iter, t, #t + 1 end
for i, v in reverse({"a", "b", "c"}) do io.write(i, v, " ") end print()
local function evens(max, cur) cur = cur + 2; if cur <= max then return cur end end
for e in evens, 10, 0 do io.write(e, " ") end print()
local function fibs(max, st)
  local a, b = st[1], st[2]
  if b > max then return nil end
  st[1], st[2] = b, a + b
  return st, b
end
for _, f in fibs, 100, {0, 1} do io.write(f, " ") end print()
for k, v in function(s, c) if c == nil then return 1, "first" elseif c < 3 then return c + 1, "next" end end do
  io.write(k, v, " ")
end
print()
