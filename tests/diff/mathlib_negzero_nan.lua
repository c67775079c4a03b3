local nz = -0.0
local function s(x) if x ~= x then return "nan" end return string.format("%g", x) .. (x == 0 and (1 / x < 0 and "(-)" or "(+)") or "") end
print(s(math.abs(nz)), s(math.floor(nz)), s(math.ceil(nz)), s(math.ceil(-0.3)), s(math.sqrt(nz)), s(math.sin(nz)), s(math.tan(nz)))
print(s(math.fmod(nz, 1)), s(math.fmod(-1, 1)), s(math.fmod(1, -1)), s(math.modf(nz)), s(select(2, math.modf(-2))))
print(s(math.max(nz, 0)), s(math.min(0, nz)), s(math.deg(nz)), s(math.rad(nz)), s(math.ldexp(nz, 3)), s(math.frexp(nz)))
print(s(math.pow(nz, 3)), s(math.pow(nz, 2)), s(math.atan2(nz, 1)), s(math.atan2(nz, -1)), s(nz * 1), s(0 * -1))
local nan = 0/0
print(s(math.abs(nan)), s(math.floor(nan)), s(math.sqrt(-1)), s(math.log(-1)), s(math.acos(2)), s(math.fmod(1, 0)), s(math.fmod(1/0, 1)))
print(s(math.max(nan, 1)), s(math.max(1, nan)), s(math.min(nan, 1)), s(math.min(1, nan)), s(math.pow(nan, 0)), s(math.pow(1, nan)))
print(nan == nan, nan ~= nan, nan < 1, nan > 1, math.huge > nan, -math.huge < nan)
