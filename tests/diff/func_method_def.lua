local a = {b = {c = {}}}
function a.b.c.f(x) return "f" .. x end
function a.b.c:m(x) return self == a.b.c, x end
print(a.b.c.f(1))
print(a.b.c:m(2))
print(a.b.c.m(a.b.c, 3))
print(a.b.c.m({}, 4))
local Account = {balance = 0}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:get() return self.balance end
local acc = Account.new(100)
print(acc:deposit(50):deposit(25):get())
print(Account.get(acc), Account:get())
obj = {name = "global obj"}
function obj.describe() return "desc" end
function obj:getname() return self.name end
print(obj.describe(), obj:getname())
local s = "text"
print(s:upper(), ("%d"):rep(2), #s:rep(3))
