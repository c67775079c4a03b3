local function level1(a)
  return function(b)
    return function(c)
      return function(d)
        a = a + 1
        return a + b + c + d
      end
    end
  end
end
local f = level1(1)(10)(100)
print(f(1000), f(1000))
local function adder(x) return function(y) return x + y end end
local add5 = adder(5)
print(add5(1), add5(10), adder(-1)(1))
local function compose(f, g) return function(...) return f(g(...)) end end
local h = compose(function(x) return x * 2 end, function(x, y) return x + y end)
print(h(3, 4))
local function curry3(fn) return function(a) return function(b) return function(c) return fn(a, b, c) end end end end
print(curry3(function(a, b, c) return a .. b .. c end)("x")("y")("z"))
local memo = {}
local function memoize(fn)
  return function(n)
    if memo[n] == nil then memo[n] = fn(n) end
    return memo[n]
  end
end
local sq = memoize(function(n) io.write("compute ", n, "; ") return n * n end)
print(sq(4), sq(4), sq(5))
