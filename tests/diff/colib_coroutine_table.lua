local names = {}
for k, v in pairs(coroutine) do names[#names + 1] = k .. "=" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
local cw = coroutine.wrap
coroutine.wrap = nil
print(pcall(function() return coroutine.wrap(print) end))
coroutine.wrap = cw
print(type(coroutine.wrap(function() end)))
