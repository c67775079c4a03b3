local bad = "\255\254\128\192\193\245\237\160\128"
print(#bad, bad:byte(1, -1))
print(bad:upper() == bad, bad:lower() == bad, bad:reverse():byte(1, -1))
print(bad:find("\128"), bad:find("[\128-\191]+"), bad:match("[\192-\255]+"):len())
print(bad:gsub("[\128-\255]", "?"))
print(("%q"):format(bad) == '"' .. bad .. '"')
print(bad:sub(2, 3):byte(1, -1))
print(#(bad .. bad), bad < "\255\255", "\128" > "\127")
local t = {}
for c in bad:gmatch(".") do t[#t + 1] = c:byte() end
print(table.concat(t, ","))
print(("é"):len(), ("日本語"):len(), ("日本語"):sub(1, 3) == "日", ("日本語"):reverse():len())
print(("\xff"), ("\xe2\x82"):len())
print(string.format("%5s|", "é"), string.format("%-5s|", "é"))
print(("aé"):upper(), ("AÉ"):lower())
for _, class in ipairs({"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x"}) do
  local n = 0
  for i = 128, 255 do if string.char(i):find(class) then n = n + 1 end end
  io.write(class, "=", n, " ")
end
print()
