local function handler(e)
  local tb = debug.traceback(e, 2)
  return (tb:gsub("\n.*", ""))
end
print(xpcall(function() error("with handler") end, handler))
print(xpcall(function() local t = nil; return t.x end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
local depth = 0
print(xpcall(function() error("e") end, function(e) depth = depth + 1 return depth end))
local r = {xpcall(function() return 1, nil, 3 end, handler)}
print(#r, r[1], r[2], r[3], r[4])
