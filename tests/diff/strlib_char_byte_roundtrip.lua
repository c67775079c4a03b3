local ok = true
for i = 0, 255 do
  local c = string.char(i)
  if c:byte() ~= i or #c ~= 1 then ok = false end
end
print(ok)
local all = {}
for i = 0, 255 do all[#all + 1] = i end
local s = string.char(unpack(all))
print(#s, s:byte(1), s:byte(-1), s:byte(129))
local back = {s:byte(1, -1)}
print(#back, back[1], back[256])
print(string.char(s:byte(65, 70)))
