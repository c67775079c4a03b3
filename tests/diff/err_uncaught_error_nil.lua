print("error with nil value")
error(nil)
