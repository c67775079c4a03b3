local function producer(items)
  return coroutine.create(function()
    for _, item in ipairs(items) do
      print("produce", item)
      coroutine.yield(item)
    end
    return nil
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return nil end
      print("filter", v)
      coroutine.yield(v:upper())
    end
  end)
end
local function consumer(src)
  local got = {}
  while true do
    local ok, v = coroutine.resume(src)
    if not v then break end
    print("consume", v)
    got[#got + 1] = v
  end
  return table.concat(got, ",")
end
print(consumer(filter(producer({"a", "b", "c"}))))
local q = {}
local send = coroutine.wrap(function()
  while true do local msg = coroutine.yield(#q) q[#q + 1] = msg end
end)
send(); send("m1"); send("m2")
print(#q, q[1], q[2])
