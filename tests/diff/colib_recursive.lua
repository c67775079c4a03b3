local function perm(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perm(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local out = {}
for p in coroutine.wrap(function() perm({1, 2, 3}) end) do out[#out + 1] = table.concat(p) end
print(table.concat(out, " "))
local depth = 0
local function nest(n)
  if n == 0 then return "bottom" end
  local co = coroutine.create(nest)
  local ok, r = coroutine.resume(co, n - 1)
  return r
end
print(nest(50))
local chain = {}
for i = 1, 100 do chain[i] = coroutine.create(function(x) while true do x = coroutine.yield(x + 1) end end) end
local v = 0
for round = 1, 3 do for i = 1, 100 do local _; _, v = coroutine.resume(chain[i], v) end end
print(v)
