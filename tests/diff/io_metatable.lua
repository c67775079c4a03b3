-- the handle metatable: shared, __index is itself, its methods
local mt = getmetatable(io.stdout)
print(type(mt), mt.__index == mt)
print(getmetatable(io.stdin) == mt, getmetatable(io.tmpfile()) == mt)
local p = io.popen("true")
print(getmetatable(p) == mt)
p:close()
local names = {}
for k, v in pairs(mt) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
local lib = {}
for k, v in pairs(io) do lib[#lib + 1] = k .. ":" .. type(v) end
table.sort(lib)
print(table.concat(lib, " "))
-- methods are reached through __index
print(io.stdout.write == mt.write, io.stdout.nothing)
-- methods and library functions are distinct function values
print(mt.close == io.close, mt.write == io.write, mt.read == io.read, mt.lines == io.lines)
-- handles are userdata; no field can be set on them
print(type(io.stdout), pcall(function() io.stdout.x = 1 end))
