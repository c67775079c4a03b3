local function helper()
  print("in helper")
  return missing_function(1)
end
print("start")
helper()
print("unreachable")
