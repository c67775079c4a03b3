-- io.popen argument errors and refused modes
print(io.popen("true", "x"))
print(io.popen("true", "rw"))
print(io.popen("true", "r+"))
print(io.popen("true", ""))
local function try(...)
  print(pcall(function(...) return io.popen(...) end, ...))
end
try()
try(nil)
try({})
try("true", {})
try("true", false)
-- an unknown command still starts a shell: the error is in its status
local p = assert(io.popen("exec 2>/dev/null; /nonexistent/command"))
print(p:read("*a"))
print(p:close())
