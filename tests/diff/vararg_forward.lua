local log = {}
local function logger(prefix)
  return function(...)
    log[#log + 1] = prefix .. ":" .. select("#", ...)
    return ...
  end
end
local a = logger("a")
local b = logger("b")
print(a(b(1, 2, nil)))
print(table.concat(log, " "))
local function call(f, ...) return f(...) end
print(call(math.max, 4, 8, 1))
print(call(select, "#", nil, nil))
print(call(string.rep, "ab", 3))
print(pcall(call, error, "boom", 0))
local function bind(f, x) return function(...) return f(x, ...) end end
print(bind(string.format, "%d-%d")(1, 2))
bind(print, "bound")("after", nil)
