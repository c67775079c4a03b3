local t = {}
for i = 1, 10 do t[i] = i * i end
local acc = {}
table.foreachi(t, function(i, v) acc[#acc + 1] = i .. ":" .. v end)
print(table.concat(acc, " "))
local cnt = 0
table.foreach(t, function(k, v) cnt = cnt + 1 end)
print(cnt)
print(table.foreach({}, function() return 1 end))
print(table.foreachi({nil, 2}, function(i, v) return tostring(v) end))
local r = table.foreach({a = 1}, function(k, v) return k, v end)
print(r)
print(pcall(table.foreach, {1}, function() error({}) end))
