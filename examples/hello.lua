-- A first script for cellua: closures, tables, coroutines and string formatting.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
c(); c()
local words = {}
for w in ("hello from cellua"):gmatch("%a+") do words[#words + 1] = w end
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)
print(string.format("%s! counter=%d squares=%d,%d,%d", table.concat(words, " "), c(), gen(), gen(), gen()))
