local f = string.format
local nums = {0, -0.0, 1, -1, 0.1, 1/3, 2/3, 123.456, -123.456, 1e10, 1e-10, 1e100, 1e-300, 2^53, 5e-324, 1.5, 2.5, 0.05}
for _, x in ipairs(nums) do
  print(f("%f|%.2f|%10.3f|%-10.1f|%+f|% f|%010.2f|%.0f|%#.0f", x, x, x, x, x, x, x, x, x))
  print(f("%e|%.2e|%E|%12.4e|%+e|%#.0e|%.0e", x, x, x, x, x, x, x))
  print(f("%g|%.3g|%G|%10g|%-10g|%#g|%+g|%.0g|%.20g", x, x, x, x, x, x, x, x, x))
end
