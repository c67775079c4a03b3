local fns = {"insert", "remove", "concat", "sort", "getn", "maxn", "foreach", "foreachi", "setn"}
for _, name in ipairs(fns) do
  for _, v in ipairs({"nil", "1", "'s'", "true", "print"}) do
    local f = loadstring("return table." .. name .. "(" .. v .. ")")
    local ok, e = pcall(f)
    print(name, v, ok, e)
  end
end
