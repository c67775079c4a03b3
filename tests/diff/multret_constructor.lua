local function three() return "a", "b", "c" end
local function none() end
local t = {three()}
print(#t, t[1], t[2], t[3])
t = {three(), three()}
print(#t, table.concat(t, ","))
t = {three(), "x"}
print(#t, table.concat(t, ","))
t = {"x", three()}
print(#t, table.concat(t, ","))
t = {(three())}
print(#t, table.concat(t, ","))
t = {none()}
print(#t)
t = {none(), "y"}
print(t[1], t[2])
t = {k = three(), three()}
print(t.k, #t, table.concat(t, ","))
t = {three(), k = "v"}
print(#t, t.k)
t = {[1] = "first", three()}
print(t[1], t[2], t[3])
t = {unpack({1, 2, 3})}
print(#t)
t = {string.byte("hello", 1, -1)}
print(#t, t[1], t[5])
