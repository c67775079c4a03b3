-- simple escapes, printed through string.byte so control chars are visible
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = s:byte(i) end
  return table.concat(t, ",")
end
print(bytes("\a\b\f\n\r\t\v"))
print(bytes("\\"), bytes("\""), bytes("\'"))
print("tab:[\t] quote:[\"] single:['] backslash:[\\]")
print('single quoted "double" inside and \'escaped\'')
print(bytes("a\
b"))
print(#"\n", #"\\n", #'\'')
-- unknown escape just yields the character itself in 5.1
print(bytes("\q\w\z"), "\q\w\z")
print("line1\nline2")
print(bytes("\0"), #"a\0b", ("a\0b"):byte(2))
print(("x\0y"):len(), ("x\0y"):upper() == "X\0Y")
