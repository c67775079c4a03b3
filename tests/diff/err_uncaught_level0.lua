print("raising without position")
error("plain message without position", 0)
