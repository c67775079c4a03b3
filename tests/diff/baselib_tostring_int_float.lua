local vals = {1, 1.0, -1, 100, 1e2, 0.5, 3.0, -0.0, 2^31, 2^32, 2^53, 10 / 2, 7 / 2, 1e14, 1e15, 1e16, 123456789012345, 0.1 * 3, 1 - 0.9}
for _, v in ipairs(vals) do io.write(tostring(v), " ") end print()
for _, v in ipairs(vals) do io.write(string.format("%.14g", v), " ") end print()
for _, v in ipairs(vals) do io.write(v .. "", " ") end print()
