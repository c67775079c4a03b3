package.loaded = {}
collectgarbage()
return {name = "m1"}
