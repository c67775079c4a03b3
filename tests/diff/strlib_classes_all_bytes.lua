-- every class over all 256 bytes, as lists of ranges
local classes = {"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%z", "%A", "%C", "%D", "%L", "%P", "%S", "%U", "%W", "%X", "%Z", ".", "%%", "%.", "[%a_]", "[^%w]"}
for _, cl in ipairs(classes) do
  local ranges, start = {}, nil
  for i = 0, 256 do
    local hit = i < 256 and string.char(i):find("^" .. cl .. "$") ~= nil
    if hit and not start then start = i end
    if not hit and start then ranges[#ranges + 1] = start == i - 1 and tostring(start) or (start .. "-" .. (i - 1)) start = nil end
  end
  print(cl, table.concat(ranges, ","))
end
