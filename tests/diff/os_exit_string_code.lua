-- a numeric string is a number; the status is taken modulo 256
io.write("exit code from a string\n")
os.exit("258")
