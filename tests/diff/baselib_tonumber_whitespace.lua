local ws = {" ", "\t", "\n", "\r", "\v", "\f"}
for _, w in ipairs(ws) do
  io.write(string.format("%q", w), ":", tostring(tonumber(w .. "5" .. w)), ",", tostring(tonumber(w .. "ff" .. w, 16)), " ")
end
print()
print(tonumber("0x"), tonumber("0x "), tonumber(" 0x1"), tonumber("0x1 "), tonumber("0x1g"), tonumber("1e+"), tonumber("1e+5"), tonumber("1e-5"))
print(tonumber("-0x10"), tonumber("- 0x10"), tonumber("+0x10"), tonumber("0x+10"), tonumber("0x-10"))
print(tonumber(".e1"), tonumber("."), tonumber("e1"), tonumber("1.e1"), tonumber(".1e1"), tonumber("1.2.3"))
print(tonumber("  -7", 8), tonumber("-7", 7), tonumber("7", 7), tonumber("z", 35), tonumber("Z", 35))
print(tonumber("0b101"), tonumber("101", 2), tonumber("0x10", 10), tonumber("010"), tonumber("1_000"))
