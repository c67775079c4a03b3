-- os.date("*t") and ("!*t"): the fields of a broken-down time
local keys = {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"}
local function show(t)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(t[k]) end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  print(table.concat(parts, " "), n)
end
for _, t in ipairs{0, 1, 951782400, 1234567890, 2147483647, -1, 1e10} do
  show(os.date("!*t", t))
  show(os.date("*t", t))
end
-- only exactly "*t" after the optional "!" makes a table
print(os.date("!*t!", 0), os.date("*t ", 0), os.date("**t", 0))
print(type(os.date("*t")), type(os.date("!*t")))
-- round trip through os.time (local time)
local t = os.date("*t", 1234567890)
print(os.time(t))
