local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = s:byte(i) end
  return table.concat(t, ",")
end
print("\65\66\67", "\097\098\099")
print(bytes("\0\1\9\10\99\100\255"))
print(bytes("\0012"))   -- \001 followed by '2'
print(bytes("\1234"))   -- \123 followed by '4'
print(bytes("\12a"))    -- \12 followed by 'a'
print(bytes("\9"), bytes("\09"), bytes("\009"), bytes("\0090"))
print("\072\101\108\108\111", #"\072\101\108\108\111")
print(("\255"):byte(), ("\128"):byte(), #"\200\201")
print("\49\50\51" + 1)
