package.cpath = arg[1]
local m = require 'testmod'
print(m.add(2, 3), m.greet('host'), m.version, require('testmod.sub').name())
print(pcall(m.fail))
print(pcall(m.add, 1))
print(select(2, pcall(require, 'testmod.nosub')))
print(package.loadlib(arg[1]:gsub('%?', 'testmod'), 'luaopen_nothing'))
