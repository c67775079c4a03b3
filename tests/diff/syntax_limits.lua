local many = {}
for i = 1, 250 do many[i] = "v" .. i end
print(loadstring("local " .. table.concat(many, ", ")))
local deep = string.rep("(", 300) .. "1" .. string.rep(")", 300)
local f, e = loadstring("return " .. deep)
print(f, e)
local ups = {}
for i = 1, 70 do ups[i] = "local u" .. i .. " = " .. i end
local body = {}
for i = 1, 70 do body[i] = "u" .. i end
local f2, e2 = loadstring(table.concat(ups, "\n") .. "\nreturn function() return " .. table.concat(body, " + ") .. " end")
print(f2 ~= nil and f2()(), e2)
