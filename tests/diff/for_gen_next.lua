local t = {10, 20, 30}
local k, v = next(t)
while k do io.write(k, "=", v, " ") k, v = next(t, k) end print()
print(next({}), next({}, nil))
print(next({"only"}))
print(next({"only"}, 1))
for k, v in next, {"x", "y"} do io.write(k, v, " ") end print()
print(pcall(next, {}, "missing"))
local single = {key = "value"}
print(next(single))
print(next(single, "key"))
print(type(next), type(pairs({})))
