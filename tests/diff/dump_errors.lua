-- Errors around string.dump and binary chunks, as lua5.1 reports them.

print(pcall(string.dump, print))
print(pcall(string.dump))
print(pcall(string.dump, 1))
print(pcall(function() return string.dump(nil) end))
print(pcall(function() return string.dump(print) end))
print(pcall(function() return string.dump({}) end))

local function reload(f) return assert(loadstring(string.dump(f))) end

-- runtime errors keep chunk names, lines and variable names
print(pcall(reload(loadstring("local x\n\nx()", "=mychunk"))))
print(pcall(reload(loadstring("\nnot_defined_anywhere()", "@some/file.lua"))))
print(pcall(reload(loadstring("local t = {}\nreturn t.a.b"))))
print(pcall(reload(loadstring("return 1 + {}", "=arith"))))
print(pcall(reload(function(s) return s.field.sub end), {}))
print(pcall(reload(function() local a = "x" return a < 1 end)))
print(pcall(reload(function() error("raised") end)))
print(pcall(reload(function() error("level 2", 2) end)))
print(select("#", pcall(reload(function() error({}) end))), type(select(2, pcall(reload(function() error({}) end)))))
print(pcall(reload(function() for i = 1, "x" do end end)))

-- binary chunks that are not ours: short, garbage, PUC-style headers
print(loadstring("\27"))
print(loadstring("\27Lua"))
print(loadstring("\27Luajunk"))
print(loadstring("\27Luajunkjunkjunk"))
print(loadstring("\27junkjunkjunkjunk"))
-- (a genuine luac 5.1 header is refused too, but lua5.1 of course reads on)
print(loadstring("\27LuaR\0\1\4\8\4\8\0" .. ("\0"):rep(60)))
print(loadstring("\27Luajunk", "=named"))
print(loadstring("\27Luajunk", "@file.luac"))
print(loadstring("\27Luajunk", "plain"))
print(type(load(function() return nil end)))
local sent = false
print(load(function() if sent then return nil end sent = true return "\27Luajunkjunkjunk" end))
sent = false
print(load(function() if sent then return nil end sent = true return "\27Luajunk" end, "=reader"))

-- every proper prefix of a dump is an unexpected end
local s = string.dump(function(a, ...) local t = {a, ...} return #t, "str\0ing" end)
local ends = 0
for n = 1, #s - 1 do
  local f, msg = loadstring(s:sub(1, n))
  if f == nil and msg == "binary string: unexpected end in precompiled chunk" then
    ends = ends + 1
  end
end
print(ends == #s - 1)
print(loadstring(s)(1, 2, 3))
