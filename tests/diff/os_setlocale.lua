-- setlocale: queries, the C locale, refusals, categories
print(os.setlocale())
print(os.setlocale(nil, "all"))
for _, cat in ipairs{"all", "collate", "ctype", "monetary", "numeric", "time"} do
  print(cat, os.setlocale(nil, cat), os.setlocale("C", cat), os.setlocale("POSIX", cat))
end
print(os.setlocale("no_SUCH.locale"))
print(os.setlocale("no_SUCH.locale", "time"))
print(os.setlocale("C\0junk"))
print(os.setlocale())
local function try(...)
  print(pcall(function(...) return os.setlocale(...) end, ...))
end
try("C", "bogus")
try("C", "ALL")
try({})
try("C", {})
-- back to the default, numbers still print the same
print(os.setlocale("C"), 1.5, tostring(2.25), string.format("%.3f", 0.125))
