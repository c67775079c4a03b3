-- the standalone interpreter stores script arguments in the global 'arg'
print(type(arg), arg[0], #arg, arg[1])
print(select("#", ...), ...)
