package.path = "./tests/diff/mods/?.lua"
local m = require("m1")
print(type(m), type(m) == "table" and m.name)
