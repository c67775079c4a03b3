local function f1(m)
  package.loaded.mymod = nil; _G.mymod = nil
  setfenv(3, _G)
  m = nil
  collectgarbage()
end
local function f2(m) print(type(m), m and m._NAME) end
module("mymod", f1, f2)
