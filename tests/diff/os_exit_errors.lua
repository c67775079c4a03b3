-- os.exit takes only numbers in 5.1; fractions are truncated
print(pcall(function() os.exit(true) end))
print(pcall(function() os.exit("x") end))
print(pcall(function() os.exit({}) end))
io.write("exiting with 7\n")
os.exit(7.9)
