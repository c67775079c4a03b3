-- print, io.write and io.stdout:write all go to C's stdout, which is fully
-- buffered into a pipe: a command run by os.execute without a flush first
-- prints before everything the script wrote so far
print("p1")
io.write("w1\n")
io.stdout:write("s1 ", 2, "\n")
io.output():write("o1\n")
os.execute("echo child1")
print("p2")
io.write("partial line ")
os.execute("echo child2")
print("end of line")
-- io.popen flushes every output stream before starting its command
print("before popen")
local p = io.popen("echo from popen")
print(p:read("*l"))
p:close()
-- a write pipe: the command's output reaches stdout when it reads its input
p = io.popen("cat", "w")
print("buffered while cat runs")
p:write("cat got this\n")
p:close()
io.flush()
os.execute("echo after flush")
print("last")
