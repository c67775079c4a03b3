-- os.tmpname creates an empty file with a fresh name under /tmp
local a, b = os.tmpname(), os.tmpname()
print(type(a), #a, a:match("^/tmp/lua_%w%w%w%w%w%w$") ~= nil, a ~= b)
local f = io.open(a)
print(io.type(f), f:read("*a"))
f:close()
print(os.remove(a), os.remove(b))
print(io.open(a) == nil)
local c = {os.tmpname("ignored")}
print(#c == 1, os.remove(c[1]))
