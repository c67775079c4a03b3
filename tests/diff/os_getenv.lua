-- os.getenv: a string, or nil
print(type(os.getenv("PATH")))
print(os.getenv("CELLUA_SURELY_UNSET_VARIABLE_42"))
print(os.getenv(""))
print(os.getenv("PATH") == os.getenv("PATH\0ignored"))
print(os.getenv("HOME") == os.getenv("HOME"))
print(pcall(function() return os.getenv() end))
print(pcall(function() return os.getenv({}) end))
print(os.getenv(42))
