-- os.date("!...") with every conversion glibc's strftime knows
local times = {0, 86399, 951782400, 1234567890, 2147483647, -86400 * 365, 4102444800}
local convs = "aAbBcCdDeFgGhHIjklmMnpPrRStTuUVwWxXyYzZ%+"
for _, t in ipairs(times) do
  local parts = {}
  for c in convs:gmatch(".") do
    parts[#parts + 1] = c .. "=" .. os.date("!%" .. c, t)
  end
  print(t, table.concat(parts, "|"))
end
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%c", 1e9))
print(os.date("!", 0), os.date("", 0))
print(os.date("!plain text, no conversions", 0))
print(os.date("!%d/%m/%Y", 1e9 + 0.9))
print(os.date("!%H:%M", -1))
