local t = {}
print(pcall(function() t.missing() end))
print(pcall(function() t.a = {}; t.a.b() end))
print(pcall(function() t["key"]() end))
print(pcall(function() local k = "dyn"; t[k]() end))
print(pcall(function() t[1]() end))
print(pcall(function() t.num = 1; t.num() end))
print(pcall(function() return math.nonexistent(1) end))
