-- the library's contents and a few edge cases.
local names = {}
for k, v in pairs(debug) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(debug.getinfo(1, "S").what)
print(pcall(debug.getlocal, 1, 1.5))
print(debug.getlocal(1.7, 1))
local ok, msg = pcall(debug.getinfo, 1, "S", "extra")
print(ok, type(msg))
print(select("#", debug.sethook()))
print(select("#", debug.gethook()))
