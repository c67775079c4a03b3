print(not nil, not false, not 0, not "", not {}, not not nil, not not 1)
local calls = {}
local function f(name, v) calls[#calls + 1] = name; return v end
local r = f("a", false) and f("b", true)
print(r, table.concat(calls, ","))
calls = {}
r = f("a", 1) or f("b", 2)
print(r, table.concat(calls, ","))
calls = {}
r = f("a", nil) or f("b", false) or f("c", "C")
print(r, table.concat(calls, ","))
calls = {}
r = f("a", 1) and f("b", 2) and f("c", nil) and f("d", 4)
print(r, table.concat(calls, ","))
calls = {}
if f("x", nil) and f("y", true) then print("then") else print("else") end
print(table.concat(calls, ","))
calls = {}
while f("w", false) or f("v", nil) do end
print(table.concat(calls, ","))
print(not 1 == 2, not (1 == 2))
