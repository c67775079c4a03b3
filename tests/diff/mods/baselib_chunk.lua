local args = {...}
return "loaded chunk", select("#", ...), 1 + 1
