local function eq(a, b, what) assert(a == b, what .. ": expected " .. tostring(b) .. ", got " .. tostring(a)) end
local i = 0
while i < 10 do i = i + 1 end
eq(i, 10, "while")
i = 0
repeat i = i + 1 until i >= 5
eq(i, 5, "repeat")
i = 0
repeat local done = i == 3; i = i + 1 until done
eq(i, 4, "until sees local")
local out = {}
for a = 1, 3 do for b = 1, 3 do if b > a then break end out[#out + 1] = a .. b end end
eq(table.concat(out, " "), "11 21 22 31 32 33", "break inner only")
i = 0
while true do i = i + 1 if i == 7 then break end end
eq(i, 7, "while true break")
i = 0
repeat i = i + 1 if i == 3 then break end until false
eq(i, 3, "repeat break")
local n = 0
while n < 5 do n = n + 1 do local skip = n end end
eq(n, 5, "nested block")
