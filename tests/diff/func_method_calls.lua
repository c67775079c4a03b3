local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}, n = 0}, Stack) end
function Stack:push(...) for i = 1, select("#", ...) do self.n = self.n + 1; self.items[self.n] = (select(i, ...)) end return self end
function Stack:pop() local v = self.items[self.n]; self.items[self.n] = nil; self.n = self.n - 1; return v end
function Stack:peek() return self.items[self.n] end
local s = Stack.new()
s:push(1, 2, 3):push(4)
print(s.n, s:peek(), s:pop(), s:pop(), s.n)
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) local o = setmetatable({}, Animal); o.name = name; o.sound = sound; return o end
function Animal:speak() return self.name .. " says " .. self.sound end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local o = Animal.new(name, "woof"); return setmetatable(o, Dog) end
function Dog:fetch() return self.name .. " fetches" end
local d = Dog.new("Rex")
print(d:speak(), d:fetch())
print(getmetatable(d) == Dog, rawget(Dog, "speak") == nil)
local calls = 0
local obj = {}
function obj:method(a, b) calls = calls + 1; return self == obj, a, b end
local function getobj() calls = calls + 1; return obj end
print(getobj():method("x", "y"))
print(calls)
local str = "hello"
print(str:len(), str:sub(2, 3), ("abc"):upper(), (("x"):rep(3)):len())
