-- __call is followed once and must be a function
local A = {}
setmetatable(A, {__call = A})
print(pcall(A))
print(pcall(function() return A() end))
local f = function(self, x) return "called", x end
local B = setmetatable({}, {__call = setmetatable({}, {__call = f})})
print(pcall(B, 1))
local C = setmetatable({}, {__call = f})
print(C(5))
print(pcall(function() return C(6) end))
