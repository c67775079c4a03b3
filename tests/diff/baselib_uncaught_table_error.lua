error(setmetatable({}, {__tostring = function() return "tostring of error object" end}))
