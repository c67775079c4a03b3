local _ = 1
local _x1, x_2, X = 2, 3, 4
print(_, _x1, x_2, X)
local And, OR, NIL = "And", "OR", "NIL"
print(And, OR, NIL)
local t = {}
t["end"] = 1; t["while"] = 2; t["nil"] = 3
print(t["end"], t["while"], t["nil"])
local a=1;local b=2;print(a+b)
local c = a
+
b
print(c)
print(#"keywords: and break do else elseif end false for function if in local nil not or repeat return then true until while")
local s = "x" print(s) local y = 5 print(y)
print(1--[[comment]]+--[[another]]2)
print(a.. b, a ..b, a .. b)
print(1 .. 2)
