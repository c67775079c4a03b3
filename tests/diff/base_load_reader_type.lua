-- load: a reader returning a non-string (message position as 5.1 when called from Lua;
-- lua5.1 also appends the standalone interpreter's traceback here, so only the first line is compared)
local ok, f, e = pcall(load, function() return {} end)
print(ok, f, e)
local function viaLua() local f2, e2 = load(function() return true end) return f2, (e2:match("^[^\n]*"):gsub("^.-:%d+: ", "POS: ")) end
print(viaLua())
