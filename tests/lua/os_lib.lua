-- The os library: round trips and results that do not depend on the
-- reference interpreter.
local t = os.time()
assert(type(t) == "number" and t > 1.5e9)
local d = os.date("*t", t)
assert(os.time(d) == t)
local u = os.date("!*t", 0)
assert(u.year == 1970 and u.month == 1 and u.day == 1 and u.hour == 0)
assert(u.wday == 5 and u.yday == 1 and u.isdst == false)
assert(os.date("!%Y-%m-%d %H:%M:%S", 1234567890) == "2009-02-13 23:31:30")
assert(os.date("!%Q", 0) == "%Q")
assert(os.date("!%", 0) == "%")
assert(os.date("!%Y\0%m", 0) == "1970")
assert(os.date("!%Y", 1e20) == nil)

-- normalisation
local a = os.time{year = 2000, month = 13, day = 1, hour = 0}
local b = os.time{year = 2001, month = 1, day = 1, hour = 0}
assert(a == b)
assert(os.time{year = 2000, month = 1, day = 1} - os.time{year = 2000, month = 1, day = 1, hour = 0} == 12 * 3600)
local ok, msg = pcall(os.time, {year = 2000, month = 1})
assert(not ok and msg == "field 'day' missing in date table")

assert(os.difftime(10, 4) == 6)
assert(os.difftime(1.9, 0.2) == 1)

-- execute: raw wait status
assert(os.execute("exit 2") == 512)
assert(os.execute("true") == 0)
assert(os.execute() ~= 0)

-- tmpname/rename/remove
local n = os.tmpname()
assert(n:match("^/tmp/lua_"))
local f = assert(io.open(n))
f:close()
assert(os.rename(n, n .. "x") == true)
local r, m, e = os.remove(n)
assert(r == nil and m == n .. ": No such file or directory" and e == 2)
assert(os.remove(n .. "x") == true)

-- getenv, setlocale, clock
assert(type(os.getenv("PATH")) == "string")
assert(os.getenv("CELLUA_NO_SUCH_VARIABLE") == nil)
assert(os.setlocale() == "C")
assert(os.setlocale("C", "numeric") == "C")
assert(os.setlocale("no_SUCH_locale") == nil)
ok, msg = pcall(os.setlocale, "C", "nope")
assert(not ok and msg:find("invalid option 'nope'", 1, true))
local c = os.clock()
assert(type(c) == "number" and c >= 0)
