local f = string.format
local ok = true
for i = -20, 20 do
  local x = i / 7
  local s, c = math.sin(x), math.cos(x)
  if math.abs(s * s + c * c - 1) > 1e-15 then ok = false end
  if math.abs(math.exp(math.log(math.abs(x) + 1)) - (math.abs(x) + 1)) > 1e-14 then ok = false end
end
print(ok)
print(f("%.15g %.15g %.15g", math.sin(math.pi), math.cos(math.pi / 2), math.tan(math.pi / 4)))
print(f("%.15g %.15g", math.sqrt(2) ^ 2, math.exp(1)))
print(math.floor(math.log10(1000) + 0.5), math.log10(1e-10))
print(f("%.17g", math.pi / 180), f("%.17g", math.rad(1)), f("%.17g", math.deg(1)))
