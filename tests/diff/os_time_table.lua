-- os.time(table): mktime normalises out-of-range fields
local function T(t) return os.time(t) end
print(T{year = 2000, month = 1, day = 1, hour = 0})
print(T{year = 2000, month = 1, day = 1})
print(T{year = 2000, month = 1, day = 1, hour = 12, min = 0, sec = 0})
print(T{year = 2000, month = 13, day = 1, hour = 0} == T{year = 2001, month = 1, day = 1, hour = 0})
print(T{year = 2000, month = 3, day = 0, hour = 0} == T{year = 2000, month = 2, day = 29, hour = 0})
print(T{year = 2000, month = 1, day = 1, hour = 0, sec = -1} == T{year = 1999, month = 12, day = 31, hour = 23, min = 59, sec = 59})
print(T{year = 2000, month = 14, day = -5, hour = 25, min = 61, sec = -1})
print(T{year = 1970, month = 1, day = 1, hour = 0})
print(T{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59})
print(T{year = 1900, month = 1, day = 1})
print(T{year = 3000, month = 1, day = 1})
-- numeric strings count as numbers; fractions are truncated
print(T{year = "2000", month = "1", day = "1.7", hour = " 3 "})
print(T{year = 2000.9, month = 1.9, day = 1.2, min = -0.5})
-- fields are read with metamethods
local proxy = setmetatable({}, {__index = function(_, k)
  io.write(k, " ")
  return ({year = 2010, month = 6, day = 15})[k]
end})
print(T(proxy))
-- isdst: nil lets mktime decide; true/false are passed on
print(T{year = 2000, month = 1, day = 1, isdst = false})
print(T{year = 2000, month = 1, day = 1, isdst = true} - T{year = 2000, month = 1, day = 1, isdst = false})
print(T{year = 2000, month = 1, day = 1, isdst = 0} == T{year = 2000, month = 1, day = 1, isdst = true})
-- values beyond a C int wrap as 5.1's (int) cast does
print(T{year = 1e10, month = 1, day = 1})
print(T{year = 2^31 + 1900, month = 1, day = 1})
print(T{year = 2000, month = 1, day = 2^32 + 1, hour = 0} == T{year = 2000, month = 1, day = 1, hour = 0})
-- the result converts back
local t = T{year = 2020, month = 2, day = 29, hour = 13, min = 14, sec = 15}
print(os.date("%Y-%m-%d %H:%M:%S", t))
print(type(os.time()), os.time() > 1e9, os.time(nil) >= t)
-- extra arguments are ignored
print(T({year = 2000, month = 1, day = 1}, "ignored"))
