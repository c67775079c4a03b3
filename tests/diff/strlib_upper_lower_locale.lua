-- C locale: only ASCII letters change case
local s = ""
for i = 0, 255 do s = s .. string.char(i) end
local u, l = s:upper(), s:lower()
local changed_u, changed_l = 0, 0
for i = 1, 256 do
  if u:byte(i) ~= s:byte(i) then changed_u = changed_u + 1 end
  if l:byte(i) ~= s:byte(i) then changed_l = changed_l + 1 end
end
print(changed_u, changed_l, u:sub(98, 123), l:sub(66, 91))
print(("ÀÉÎõü"):upper() == "ÀÉÎõü", ("MiXeD 123 !?"):lower(), ("MiXeD 123 !?"):upper())
