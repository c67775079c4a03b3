-- an uncaught io.lines error: the message, stderr's first line, status 1
print("before")
for l in io.lines("/nonexistent/lines/file") do print(l) end
print("not reached")
