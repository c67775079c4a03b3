local fns = {}
for i, v in ipairs({"a", "b", "c"}) do
  fns[#fns + 1] = function() return i .. v end
end
print(fns[1](), fns[2](), fns[3]())
local keys = {}
local t = {x = 1, y = 2, z = 3}
local getters = {}
for k, v in pairs(t) do
  getters[k] = function() return k .. "=" .. v end
  keys[#keys + 1] = k
end
table.sort(keys)
for _, k in ipairs(keys) do io.write(getters[k](), " ") end
print()
local mods = {}
for i, v in ipairs({10, 20}) do
  mods[i] = function() v = v + 1; return v end
end
print(mods[1](), mods[1](), mods[2]())
