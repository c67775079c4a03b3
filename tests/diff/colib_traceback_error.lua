-- an uncaught error inside a coroutine resumed by wrap propagates with position
local w = coroutine.wrap(function() error("from coroutine") end)
w()
