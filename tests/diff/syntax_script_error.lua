print("this line never runs because the whole file fails to compile")
local x = 1
local y = = 2
