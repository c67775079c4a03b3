-- debug.debug() returns at end of input (stdin is closed in the tests).
print("before")
print(select("#", debug.debug()))
print("after")
