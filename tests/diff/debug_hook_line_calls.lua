-- line events around calls and returns, multi-line statements.
local lines = {}
local function g(a,
                 b)
  return a +
         b
end
local function f()
  local t = {
    1,
    2,
  }
  local v = g(t[1],
              t[2])
  return v
end
debug.sethook(function(e, l) lines[#lines + 1] = e:sub(1, 1) .. l end, "l")
f() f()
local y = g(1, 2) + g(3, 4)
debug.sethook()
print(table.concat(lines, " "))
