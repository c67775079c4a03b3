-- debug.getinfo on function values: every field, sorted.
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    print("", k, v)
  end
end
local function f(a, b)
  return a + b
end
local up = 1
local function g()
  return up
end
print("f"); show(debug.getinfo(f))
print("g"); show(debug.getinfo(g))
print("print"); show(debug.getinfo(print))
print("S"); show(debug.getinfo(f, "S"))
print("l"); show(debug.getinfo(f, "l"))
print("u"); show(debug.getinfo(g, "u"))
print("n"); show(debug.getinfo(f, "n"))
print("f opt"); print(debug.getinfo(f, "f").func == f)
print("empty"); show(debug.getinfo(f, ""))
local main = loadstring("return 1")
print("main"); show(debug.getinfo(main, "S"))
