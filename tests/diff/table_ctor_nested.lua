local t = {
  name = "root",
  children = {
    {name = "a", children = {{name = "a1"}, {name = "a2"}}},
    {name = "b", children = {}},
  },
  matrix = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}},
}
local function walk(node, depth)
  print(string.rep("  ", depth) .. node.name)
  for _, c in ipairs(node.children or {}) do walk(c, depth + 1) end
end
walk(t, 0)
local diag = 0
for i = 1, 3 do diag = diag + t.matrix[i][i] end
print("diag", diag, t.matrix[2][3], #t.matrix, #t.matrix[1])
local deep = {{{{{"bottom"}}}}}
print(deep[1][1][1][1][1])
local self_ref = {}
self_ref.me = self_ref
print(self_ref.me.me.me == self_ref)
