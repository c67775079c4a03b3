local function fail(msg) error(msg) end
print("about to fail")
fail("explicit failure")
