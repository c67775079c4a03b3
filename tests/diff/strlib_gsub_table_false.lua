local map = {a = false, b = "B", c = 0, d = 1.5}
print(("abcde"):gsub("%a", map))
print(("abcde"):gsub("(%a)", map))
print(("a b"):gsub("%a", {a = "x"}, 0))
print(("key"):gsub("%w+", {key = "value"}))
print(("x.y"):gsub("[^.]+", {x = "1", y = "2"}))
local calls = 0
local proxy = setmetatable({}, {__index = function(t, k) calls = calls + 1 return k:upper() end})
print(("abc"):gsub(".", proxy), calls)
print(pcall(string.gsub, "abc", ".", setmetatable({}, {__index = function() error("idx err") end})))
