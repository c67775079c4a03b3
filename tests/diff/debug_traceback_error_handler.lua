-- traceback as an xpcall handler: the stack at the error point.
local function cut(s) return (s:gsub("\n\t%[C%]: %?$", "")) end
local function fail() error("boom") end
local function mid() fail() end
print(xpcall(mid, function(m) return cut(debug.traceback(m, 2)) end))
local function badarith() local t = {} return t + 1 end
print(xpcall(badarith, function(m) return cut(debug.traceback(m)) end))
