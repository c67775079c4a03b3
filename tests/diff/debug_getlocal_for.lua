-- hidden locals of for loops.
local function dump()
  local i = 1
  local out = {}
  while true do
    local name, value = debug.getlocal(2, i)
    if not name then break end
    if type(value) == "function" or type(value) == "table" then value = type(value) end
    out[#out + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  print(table.concat(out, " "))
end
for i = 1, 2 do dump() end
for k, v in ipairs({"a"}) do dump() end
for i = 10, 1, -5 do local x = i * 2 dump() end
local t = {}
while #t < 1 do t[#t + 1] = 1 dump() end
repeat local r = 1 dump() until true
