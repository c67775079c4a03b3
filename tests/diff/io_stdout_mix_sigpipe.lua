-- commands started by io.popen/os.execute, and the interpreter itself, die
-- of SIGPIPE when they write to a pipe nobody reads (as from lua5.1: the
-- signal is not left ignored)
local name = os.tmpname()
local function status()
  local f = assert(io.open(name))
  local s = f:read("*l")
  f:close()
  return s
end
local p = assert(io.popen("yes 2>/dev/null; echo $? > " .. name))
print(p:read("*l"))
print(p:close())
print("yes exited with", status())
-- the interpreter printing into a closed pipe
local cmd = string.format("%q -e 'for i = 1, 1e6 do print(i) end' 2>/dev/null; echo $? > %s",
  arg[-1], name)
p = assert(io.popen(cmd))
print(p:read("*l"))
p:close()
print("interpreter exited with", status())
-- through os.execute: head takes one line and leaves
print(os.execute("(yes 2>/dev/null; echo $? > " .. name .. ") | head -n 1 > /dev/null"))
print("yes exited with", status())
os.remove(name)
