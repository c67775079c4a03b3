local f = string.format
local inf, nan = math.huge, 0/0
for _, spec in ipairs({"%f", "%e", "%g", "%E", "%G", "%.2f", "%10f", "%-10f|", "%+f", "% f", "%010f", "%#g"}) do
  print(spec, f(spec, inf), f(spec, -inf), f(spec, -0.0))
end
print(f("%.1f", 0.05), f("%.1f", 0.25), f("%.1f", 0.35), f("%.2f", 1.005), f("%.3f", 2.0005))
print(f("%5.1f|%5.1f", 2.25, 2.35))
print(f("%.14g", 0.1), f("%.17g", 0.1), f("%.14g", 100), f("%.14g", 1e15), f("%.14g", 2^63))
print(f("%g", 100000), f("%g", 1000000), f("%g", 1e-4), f("%g", 1e-5), f("%g", 123456789))
print(f("%.99f", 1):len(), f("%99.2f", 1):len())
print(f("%d", inf) ~= nil, f("%x", 1))
