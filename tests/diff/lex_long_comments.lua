print(1) --[[ a long
comment over lines ]] print(2)
--[==[ level two comment
with ]] inside and ]=] too
]==] print(3)
--[[ single-line long comment ]] print(4)
-- ordinary comment print(5)
--[ not a long comment, just a line comment ]] print(6)
---[[ this is a line comment so the next line runs
print(7)
--]]
local x = 10 --[[ inline ]] + 5
print(x)
--[=[
print("hidden")
]=]
print("end")
