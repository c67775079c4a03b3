-- print writes what comes before each tostring call before making it, as
-- 5.1's print does with one fputs per piece
local loud = setmetatable({}, {__tostring = function()
  io.write("<tostring runs>")
  return "loud"
end})
print("a", loud, "b")
print(loud)
local bad = setmetatable({}, {__tostring = function() return {} end})
print(pcall(print, "written", 2, bad, "never"))
print(pcall(print, bad))
local function nested()
  print("inner print")
  return "outer"
end
print("x", setmetatable({}, {__tostring = nested}))
-- embedded zeros end each piece, as fputs does
print("ab\0cd", "ef\0", 3)
io.write("gh\0ij\n")
print()
print(nil, false, 1.5, "tail")
