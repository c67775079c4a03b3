local function show(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  return n .. ":" .. table.concat(parts, ",")
end
print(show())
print(show(nil))
print(show(nil, nil, nil))
print(show(1, nil))
print(show(nil, 2))
print(show(false, nil, false))
local function passthrough(...) return show(...) end
print(passthrough(nil, nil))
print(show(unpack({1, nil, 3})))
print(show(unpack({n = 3}, 1, 3)))
local function trailing_nil() return 1, nil end
print(show(trailing_nil()))
local function none() end
print(show(none()), show(none(), none()), show((none())))
