local a = [[simple long string]]
print(a, #a)
local b = [[
first newline is skipped]]
print(b, #b)
local c = [==[contains ]] and ]=] inside]==]
print(c)
local d = [=[
line one
line two
]=]
io.write(d)
print(#d)
local e = [[no \n escapes \t here]]
print(e, #e)
local f = [[]]
print(#f, f == "")
local g = [===[
]===]
print(#g)
local h = [[a
b
c]]
print(h:gsub("\n", "|"))
print([==[level [=[ 1 ]=] inside level 2]==])
