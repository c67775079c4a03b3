local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
print(three())
print(three(), 10)
print(10, three())
print((three()))
print(none(), "after none")
print("before", none())
local a, b, c, d = three()
print(a, b, c, d)
a, b, c, d = none(), three()
print(a, b, c, d)
a, b, c, d = three(), three()
print(a, b, c, d)
local x = three()
print(x)
print(one(), one(), three())
print(#{three()}, #{three(), three()}, #{(three())})
print(string.format("%d %d %d", three()))
print(math.min(three()), math.max(three(), 0))
local function ret_call() return three() end
print(ret_call())
local function ret_paren() return (three()) end
print(ret_paren())
local function ret_mid() return three(), "z" end
print(ret_mid())
