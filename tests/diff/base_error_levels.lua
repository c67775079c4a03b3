local function lvl0() error("level zero", 0) end
local function lvl1() error("level one") end
local function lvl1b() error("level one explicit", 1) end
local function lvl2() error("level two", 2) end
local function caller2() lvl2() end
local function lvl3() error("level three", 3) end
local function mid3() lvl3() end
local function top3() mid3() end
print(pcall(lvl0))
print(pcall(lvl1))
print(pcall(lvl1b))
print(pcall(caller2))
print(pcall(top3))
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, "direct"))
print(pcall(error, "direct2", 2))
local function check(v)
  if type(v) ~= "number" then error("expected number, got " .. type(v), 2) end
  return v
end
local function user() return check("x") end
print(pcall(user))
print(pcall(function() error("with level 50", 50) end))
