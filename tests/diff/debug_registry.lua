-- debug.getregistry: the registry table.
local r = debug.getregistry()
print(type(r), r == debug.getregistry())
print(type(r._LOADED), r._LOADED == package.loaded)
r.mykey = 42
print(debug.getregistry().mykey)
print(select("#", debug.getregistry(1, 2)))
