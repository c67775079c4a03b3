local cases = {"10", "0x10", " 5 ", "1e2", "abc", "", " ", "10a", "0x", "1e", ".", "-0x10", "- 1", "+1", "inf", "nan", "1 2"}
for i, s in ipairs(cases) do
  local n = tonumber(s)
  local ok, v = pcall(function() return s + 0 end)
  print(i, "[" .. s:upper() .. "]", n, ok, ok and v or "error")
end
