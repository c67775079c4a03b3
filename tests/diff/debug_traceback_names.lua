-- function descriptions in tracebacks: globals, fields, methods, locals,
-- upvalues, anonymous functions, C functions.
local function cut(s) return (s:gsub("\n\t%[C%]: %?$", "")) end
local M = {}
function M.field() print(cut(debug.traceback())) end
function M:meth() M.field() end
local function loc() M:meth() end
local up = loc
function glob() up() end
local anon = function() glob() end
anon()
print("--")
local ok = pcall(function() print(cut(debug.traceback())) end)
print("--")
table.sort({3, 2, 1}, function(a, b)
  if a == 3 and b == 2 then print(cut(debug.traceback("sort"))) end
  return a < b
end)
print("--")
for k in (function() return function(_, i) if not i then print(cut(debug.traceback("iter"))) return 1 end end end)() do end
