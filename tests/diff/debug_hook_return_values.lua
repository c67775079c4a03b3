-- return hooks must not disturb the values being returned.
local function many() return 1, 2, 3, 4, 5 end
local function varargs(...) return ... end
local function tail(...) return varargs(...) end
local events = 0
debug.sethook(function(e)
  events = events + 1
  local a, b, c, d, e2, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
  local t = {a, b, c, d, e2, f, g, h}
end, "crl")
local r = {many()}
local s = {varargs(9, 8, 7, 6, 5, 4, 3, 2, 1)}
local u = {tail("a", "b", "c")}
local v = {select(2, "x", "y", "z")}
local w = {string.byte("hello", 1, -1)}
debug.sethook()
print(table.concat(r, ","), table.concat(s, ","), table.concat(u, ","), table.concat(v, ","), table.concat(w, ","))
print(events > 0)
