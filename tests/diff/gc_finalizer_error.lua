do local p = newproxy(true) getmetatable(p).__gc = function() error("boom") end end
print(pcall(collectgarbage))
do local p = newproxy(true) getmetatable(p).__gc = function() error({}) end end
print(pcall(collectgarbage))
print("after")
