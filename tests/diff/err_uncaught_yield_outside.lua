print("yielding from the main chunk")
print(pcall(coroutine.yield))
coroutine.yield("value")
print("unreachable")
