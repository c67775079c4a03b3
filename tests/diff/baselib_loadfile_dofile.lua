print(loadfile("/nonexistent/file.lua"))
print(pcall(dofile, "/nonexistent/file.lua"))
local f = loadfile("tests/diff/mods/does_not_exist.lua")
print(f)
print(pcall(loadfile, {}))
print(pcall(dofile, {}))
local tmp = os.tmpname and nil
print(pcall(function() return dofile("/nonexistent") end))
