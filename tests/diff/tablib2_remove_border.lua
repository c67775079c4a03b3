-- (which border #t picks for a table with holes is implementation-defined:
-- only tables without holes here)
local t = {1, 2, 3}
print(table.remove(t, 5), #t)
print(table.remove(t, 4), #t)
print(#t)
local e = {}
print(table.remove(e), #e, table.remove(e, 0), table.remove(e, 1))
local z = {[0] = "zero"}
print(table.remove(z), z[0])
