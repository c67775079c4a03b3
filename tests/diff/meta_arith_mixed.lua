local log = {}
local mt = {}
for _, ev in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow"}) do
  mt[ev] = function(x, y)
    local function d(v) return type(v) == "table" and "T" .. v.id or tostring(v) end
    log[#log + 1] = ev .. "(" .. d(x) .. "," .. d(y) .. ")"
    return ev
  end
end
local t1 = setmetatable({id = 1}, mt)
local t2 = setmetatable({id = 2}, mt)
print(t1 + 1, 1 + t1, t1 - "2", "2" - t1, t1 * t2, t2 / t1, 5 % t1, t1 ^ 2)
for _, l in ipairs(log) do print(l) end
log = {}
local plain = {id = 3}
print(t1 + plain, plain + t1)
print(log[1], log[2])
local only_second = setmetatable({id = 4}, {__add = function(a, b) return "second's add" end})
local only_first = setmetatable({id = 5}, {__add = function(a, b) return "first's add" end})
print(only_first + only_second, only_second + only_first)
print(pcall(function() return "abc" + t1 end))
print(log[#log])
