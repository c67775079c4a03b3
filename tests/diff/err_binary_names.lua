print(pcall(function() local t = {} return t["\200\255"].x end))
print(pcall(function() return undefined_\200 end))
local ok, e = pcall(function() local s = "\254" .. {} end)
print(ok, e)
