print(pcall(function() return noglobal.x end))
print(pcall(function() noglobal.x = 1 end))
print(pcall(function() return noglobal[1] end))
numglobal = 7
print(pcall(function() return numglobal.x end))
print(pcall(function() return noglobal.a.b end))
