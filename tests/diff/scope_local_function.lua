local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(15))
local ok, err = pcall(function()
  local g = function(n) if n == 0 then return 0 end return g(n - 1) end
  return g(3)
end)
print(ok, err)
local function isEven(n) if n == 0 then return true end return isOdd(n - 1) end
function isOdd(n) if n == 0 then return false end return isEven(n - 1) end
print(isEven(10), isEven(7))
local function shadow() return "first" end
local function shadow2() return shadow() end
local function shadow() return "second" end
print(shadow2(), shadow())
