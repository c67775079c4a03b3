print(string.upper("abcXYZ123"), string.lower("abcXYZ123"))
print(string.upper(""), string.lower(""))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local u, l = s:upper(), s:lower()
print(#u, #l)
local bu, bl = {}, {}
for i = 1, 256 do
  if u:byte(i) ~= s:byte(i) then bu[#bu + 1] = i - 1 end
  if l:byte(i) ~= s:byte(i) then bl[#bl + 1] = i - 1 end
end
print(table.concat(bu, ","))
print(table.concat(bl, ","))
print(("a\0b"):upper() == "A\0B", ("\200\201"):lower() == "\200\201")
print(string.upper(12), string.lower(1e10), string.upper(-1.5))
print(pcall(string.upper))
print(pcall(function() return string.upper(nil) end))
print(pcall(function() return string.lower({}) end))
print(pcall(function() return ("x"):lower(1, 2, 3) end))
