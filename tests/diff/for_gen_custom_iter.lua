local function range(n, step)
  step = step or 1
  local i = 0
  return function()
    i = i + step
    if i <= n then return i end
  end
end
for i in range(5) do io.write(i, " ") end print()
for i in range(10, 3) do io.write(i, " ") end print()
local function chars(s)
  local i = 0
  return function() i = i + 1; if i <= #s then return i, s:sub(i, i) end end
end
for i, c in chars("lua") do io.write(i, c, " ") end print()
local function multi()
  local i = 0
  return function() i = i + 1; if i <= 2 then return i, i * 2, i * 3, i * 4 end end
end
for a, b, c, d in multi() do print(a, b, c, d) end
for a, b, c, d, e in multi() do print(e) end
local function words(s) return s:gmatch("%a+") end
for w in words("one two  three") do io.write("[", w, "]") end print()
local calls = 0
local function iter(state, ctl) calls = calls + 1; if ctl < state then return ctl + 1 end end
for v in iter, 3, 0 do io.write(v, " ") end print(calls)
