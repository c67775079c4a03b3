local function validate(x)
  if type(x) ~= "number" then
    error("validate: number expected", 2)
  end
  return x
end
local function api(x)
  local v = validate(x)
  return v * 2
end
print(pcall(api, 5))
print(pcall(api, "five"))
local function level1() error("L1", 1) end
local function level2() error("L2", 2) end
local function call_level2() local r = level2(); return r end
print(pcall(level1))
print(pcall(call_level2))
local function wrap3() local function inner() error("L3", 3) end local function mid() inner(); return 1 end local r = mid(); return r end
print(pcall(wrap3))
print(pcall(function() error("zero", 0) end))
print(pcall(function() error("default") end))
