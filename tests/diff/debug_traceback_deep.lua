-- long tracebacks are cut in the middle. Run in a coroutine, whose
-- bottom level is its body in every interpreter.
local function rec(n)
  if n == 0 then
    print(debug.traceback("deep"))
    return
  end
  rec(n - 1)
end
for _, depth in ipairs({5, 9, 10, 11, 12, 20, 21, 22, 30}) do
  print("depth", depth)
  coroutine.wrap(function() rec(depth) end)()
end
local function tail(n) if n == 0 then print(debug.traceback("tails")) return end return tail(n - 1) end
coroutine.wrap(function() tail(40) end)()
local function mixed(n) if n == 0 then print(debug.traceback("mixed")) return end if n % 2 == 0 then return mixed(n - 1) end mixed(n - 1) end
coroutine.wrap(function() mixed(30) end)()
