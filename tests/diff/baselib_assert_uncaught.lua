local function check(v) return assert(v, "value missing") end
check(1)
check(nil)
