local ok, e = pcall(function() error({code = 404, text = "not found"}) end)
print(ok, type(e), e.code, e.text)
ok, e = pcall(function() error(setmetatable({}, {__tostring = function() return "custom error" end})) end)
print(ok, tostring(e))
ok, e = pcall(function() local inner_ok, inner_e = pcall(error, {level = "inner"}); error(inner_e) end)
print(ok, e.level)
local E = {}
E.__index = E
local function throw(kind) error(setmetatable({kind = kind}, E)) end
ok, e = pcall(throw, "io")
print(ok, getmetatable(e) == E, e.kind)
ok, e = pcall(function() error({}, 2) end)
print(ok, type(e))
print(select("#", pcall(error, nil)), pcall(error, nil))
