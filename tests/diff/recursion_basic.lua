local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
for i = 0, 20, 5 do io.write(fib(i), " ") end
print()
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local moves = {}
local function hanoi(n, from, to, via)
  if n == 0 then return 0 end
  local c = hanoi(n - 1, from, via, to)
  if #moves < 7 then moves[#moves + 1] = from .. to end
  return c + 1 + hanoi(n - 1, via, to, from)
end
print(hanoi(10, "A", "C", "B"), table.concat(moves, " "))
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function sum_list(t, i) i = i or 1; if i > #t then return 0 end return t[i] + sum_list(t, i + 1) end
print(sum_list({1, 2, 3, 4, 5, 6}))
local function perms(a, n, out)
  n = n or #a
  if n <= 1 then out[#out + 1] = table.concat(a) return end
  for i = 1, n do
    a[n], a[i] = a[i], a[n]
    perms(a, n - 1, out)
    a[n], a[i] = a[i], a[n]
  end
end
local out = {}
perms({"a", "b", "c"}, nil, out)
print(#out, table.concat(out, " "))
