print(_VERSION)
print(_G._G == _G, _G["_G"] == _G)
print(_G.print == print, _G.string == string)
myvar = 123
print(_G.myvar, rawget(_G, "myvar"))
_G.othervar = "set via _G"
print(othervar)
local names = {}
for k, v in pairs(_G) do
  if type(v) == "function" then names[#names + 1] = k end
end
table.sort(names)
print(table.concat(names, " "))
local libs = {}
for k, v in pairs(_G) do if type(v) == "table" and k ~= "_G" and k ~= "arg" then libs[#libs + 1] = k end end
table.sort(libs)
print(table.concat(libs, " "))
