local function outer(x)
  local function middle(y)
    local function inner(z) return x + y + z end
    return inner(y * 2)
  end
  return middle(x * 10)
end
print(outer(1), outer(2))
function global_fn(a, b) return a * b end
print(global_fn(6, 7), type(global_fn))
local f = function(...) return select("#", ...) end
print(f(1, 2, 3))
local function noret() end
print(noret(), select("#", noret()))
local function extra_params(a, b, c) return a, b, c end
print(extra_params(1))
print(extra_params(1, 2, 3, 4, 5))
local function defaults(a, b) a = a or "A"; b = b or "B"; return a .. b end
print(defaults(), defaults("x"), defaults(nil, "y"), defaults(false, false))
local anon = (function(n) return n * n end)(9)
print(anon)
do
  local function rec(n) if n == 0 then return "base" end return rec(n - 1) end
  print(rec(3))
end
print(type(rec))
