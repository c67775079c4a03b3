-- debug.getinfo at stack levels: names, what, lines.
local function show(level)
  local t = debug.getinfo(level + 1, "nSl")
  if not t then print(level, "nil") return end
  print(level, t.name, t.namewhat, t.what, t.short_src, t.currentline, t.linedefined, t.lastlinedefined)
end
local function leaf()
  for i = 0, 3 do show(i) end
end
function global_fn()
  leaf()
end
local obj = {}
function obj.field_fn() global_fn() end
function obj:method_fn() obj.field_fn() end
local function outer()
  local up = leaf
  local function inner() up() end
  inner()
end
obj:method_fn()
print("--")
outer()
print("--")
show(0)
print(debug.getinfo(1, "l").currentline)
print(debug.getinfo(100))
print(debug.getinfo(1000000, "n"))
