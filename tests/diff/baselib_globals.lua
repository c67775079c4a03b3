print(_G._G == _G, _VERSION, type(_G))
local names = {}
for k, v in pairs(_G) do if type(v) == "function" then names[#names + 1] = k end end
table.sort(names)
print(table.concat(names, " "))
local libs = {}
for k, v in pairs(_G) do if type(v) == "table" then libs[#libs + 1] = k end end
table.sort(libs)
print(table.concat(libs, " "))
local strs = {}
for k, v in pairs(string) do strs[#strs + 1] = k end
table.sort(strs)
print(table.concat(strs, " "))
local tabs = {}
for k, v in pairs(table) do tabs[#tabs + 1] = k end
table.sort(tabs)
print(table.concat(tabs, " "))
local cos = {}
for k, v in pairs(coroutine) do cos[#cos + 1] = k end
table.sort(cos)
print(table.concat(cos, " "))
