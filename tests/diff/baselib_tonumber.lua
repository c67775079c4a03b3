local strs = {"10", "  10  ", "0x10", "0X1f", "-0x10", "1e2", "1E-2", ".5", "5.", "-.5", "+5", "- 5", "", " ", "abc", "10abc",
  "1e", "0x", "inf", "nan", "1/0", "\t\n10\r", "1e400", "-1e400", "0x1p4", "1 2", "00012", "0xffffffffffff", "1..2", "١", "\0", "1\0"}
for _, s in ipairs(strs) do print(string.format("%q", s), tonumber(s)) end
print(tonumber(10), tonumber(-0.0), tonumber(1/0), tonumber(nil), tonumber(true), tonumber({}), tonumber(print))
print(pcall(tonumber))
print(pcall(function() return tonumber() end))
print(select("#", tonumber("x")), select("#", tonumber(nil)))
print(tonumber("10", nil))
