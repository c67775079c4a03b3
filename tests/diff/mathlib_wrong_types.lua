local fns = {"abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp", "floor", "fmod", "frexp", "ldexp", "log", "log10", "max", "min", "mod", "modf", "pow", "rad", "sin", "sinh", "sqrt", "tan", "tanh", "random", "randomseed"}
for _, name in ipairs(fns) do
  local r = {}
  for _, v in ipairs({"", "nil", "'x'", "{}", "true", "1, 'y'", "'1', {}"}) do
    local ok, e = pcall(loadstring("return math." .. name .. "(" .. v .. ")"))
    r[#r + 1] = ok and "ok" or e
  end
  print(name, table.concat(r, " | "))
end
