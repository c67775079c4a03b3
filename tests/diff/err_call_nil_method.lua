local obj = {}
print(pcall(function() obj:method() end))
print(pcall(function() obj.inner = {}; obj.inner:deep() end))
print(pcall(function() local s = "x"; s:nomethod() end))
print(pcall(function() obj.val = 3; obj:val() end))
print(pcall(function() return ("lit"):missing(1, 2) end))
