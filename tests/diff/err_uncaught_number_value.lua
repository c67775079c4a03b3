print("number error value")
error(42)
