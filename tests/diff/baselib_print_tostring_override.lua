local calls = 0
local orig = tostring
tostring = function(v) calls = calls + 1 return "<" .. orig(v) .. ">" end
print(1, "s", nil, true)
print(calls)
tostring = function() return 42 end
print(pcall(print, "x"))
tostring = function() return nil end
print(pcall(print, "x"))
tostring = nil
print(pcall(print, "x"))
tostring = orig
print("restored", 1)
