local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(1000000), is_odd(1000001), is_even(777777))
local function state_a(n, log) if n == 0 then return "a", log end return state_b(n - 1, log + 1) end
function state_b(n, log) if n == 0 then return "b", log end return state_a(n - 1, log + 2) end
print(state_a(11, 0))
print(state_a(200001, 0))
