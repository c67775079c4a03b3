-- levels lost by tail calls.
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do print("", k, tostring(t[k])) end
end
local function leaf()
  for i = 1, 4 do
    local t = debug.getinfo(i, "nSl")
    if not t then break end
    print(i, t.what, t.name, t.namewhat, t.short_src, t.currentline)
  end
  show(debug.getinfo(2))
end
local function mid() return leaf() end
local function top() mid() return 1 end
top()
print("negative")
show(debug.getinfo(-1))
show(debug.getinfo(-5, "S"))
