print(1 == "1", "1" == 1, nil == false, 0 == false, "" == false)
print(nil == nil, true == true, false ~= true)
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
local f = function() end
local g = function() end
print(f == f, f == g, print == print)
print(rawequal(t1, t1), rawequal(t1, t2), rawequal("a", "a"), rawequal(1, 1.0))
local s1 = "hel" .. "lo"
print(s1 == "hello", rawequal(s1, "hello"))
print(type(nil) == "nil", type(1) == type(2.5))
