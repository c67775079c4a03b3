local s = "Hello World"
print(s:len(), s:upper(), s:lower(), s:sub(1, 5), s:rep(2, nil), s:reverse(), s:byte(1))
print(s:find("World"), s:match("(%a+) (%a+)"), s:gsub("o", "0"))
print(("%d-%s"):format(5, "x"), ("abc"):len(), ("x"):rep(3))
for w in s:gmatch("%a+") do io.write(w, ";") end print()
print(#s, s:len() == #s)
local n = 42
print(pcall(function() return n:rep(2) end))
print(pcall(function() return (42):rep(2) end))
print(pcall(function() local b = true return b:len() end))
print(pcall(function() local z = nil return z:len() end))
print(pcall(function() return s:nosuch() end))
print(pcall(function() return s.nosuch end))
print(s.len, s.len == string.len)
string.custom = function(self) return "custom:" .. self end
print(("x"):custom())
string.custom = nil
print(pcall(function() return ("x"):custom() end))
