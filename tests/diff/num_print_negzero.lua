-- each -0 lives in its own function so constant tables don't merge 0 and -0
local function negzero_const() return -0 end
local function negzero_runtime() local z = 0; return -z end
local function negzero_mul() local z = 0; return z * -1 end
print(negzero_const())
print(negzero_runtime())
print(negzero_mul())
print(negzero_runtime() == 0)
local function inv() local z = 0; return 1 / -z end
print(inv())
