-- io.open failures return nil, "<name>: <strerror>", errno; argument errors
print(io.open("/nonexistent/file"))
print(io.open("/nonexistent/file", "w"))
print(io.open("/tmp", "w"))
print(io.open("/tmp", "r+"))
print(io.open("/nonexistent\0tail"))
local name = os.tmpname()
local function hide(s) return (string.gsub(tostring(s), (name:gsub("%p", "%%%0")), "TMP")) end
-- glibc decides what a mode string means: 5.1 hands it to fopen as is
for _, mode in ipairs{"z", "", "rw", "r+b", "rb", "wx", "+r", "ab", "a+b", "r\0w"} do
  local f, msg, code = io.open(name, mode)
  print(string.format("%q", mode), io.type(f), hide(msg), code)
  if f then f:close() end
end
local function try(...)
  print(pcall(function(...) return io.open(...) end, ...))
end
try()
try(nil)
try({})
try(true, "r")
try(name, {})
try(name, false)
print(io.type(io.open(name, nil)))
os.remove(name)
-- a number is a file name
print(io.open(12345))
