print("error object with __tostring")
error(setmetatable({}, {__tostring = function() return "custom" end}))
