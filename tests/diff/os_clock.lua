-- os.clock: processor time in seconds, never decreasing
local c0 = os.clock()
print(type(c0), c0 >= 0)
local x = 0
for i = 1, 2e6 do x = x + i % 7 end
local c1 = os.clock()
print(c1 >= c0, x)
-- waiting for a child does not count as our processor time
local t0 = os.clock()
os.execute("sleep 0.2")
print(os.clock() - t0 < 0.15)
print((pcall(os.clock, "ignored")))
