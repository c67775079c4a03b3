-- os.time: required fields and argument types
local function try(...)
  print(pcall(function(...) return os.time(...) end, ...))
end
try({})
try({year = 2000})
try({year = 2000, month = 1})
try({year = 2000, day = 1})
try({month = 1, day = 1})
try({year = {}, month = 1, day = 1})
try({year = "x", month = 1, day = 1})
try({year = 2000, month = 1, day = true})
try(5)
try("x")
try(true)
-- sec/min/hour have defaults: a wrong type silently uses them
print(os.time{year = 2000, month = 1, day = 1, hour = "noon"} == os.time{year = 2000, month = 1, day = 1})
-- an __index that raises
print(pcall(os.time, setmetatable({}, {__index = function(_, k) error("no " .. k) end})))
