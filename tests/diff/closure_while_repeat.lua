local fns = {}
local i = 1
while true do
  local j = i
  fns[#fns + 1] = function() return j end
  if i >= 4 then break end
  i = i + 1
end
for k = 1, #fns do io.write(fns[k](), " ") end
print()
local rf = {}
local n = 0
repeat
  local m = n
  rf[#rf + 1] = function() m = m + 100; return m end
  n = n + 1
until m >= 2
print(#rf, rf[1](), rf[1](), rf[2](), rf[3]())
local bf = {}
for x = 1, 10 do
  local y = x
  bf[#bf + 1] = function() return y end
  if x == 3 then break end
end
print(#bf, bf[1](), bf[3]())
local wf = {}
local c = 0
while c < 3 do
  c = c + 1
  local captured = c
  wf[c] = function() return captured, c end
end
print(wf[1]()); print(wf[2]()); print(wf[3]())
