for a, b in ("k1=v1;k2=v2;k3="):gmatch("(%w+)=(%w*)") do io.write("[", a, "|", b, "]") end print()
for pos, word in ("the quick brown"):gmatch("()(%a+)") do io.write(pos, word, " ") end print()
for m in ("abc"):gmatch(".-") do io.write("<", m, ">") end print()
for m in ("a1b22c333"):gmatch("%d+") do io.write(m, ",") end print()
for m in ("one\ntwo\n\nfour"):gmatch("[^\n]*") do io.write("(", m, ")") end print()
for m in ("one\ntwo\n\nfour"):gmatch("([^\n]*)\n?") do io.write("(", m, ")") end print()
for k, v in pairs({("a b c"):match("(%a) (%a) (%a)")}) do io.write(k, v, " ") end print()
local count = 0
for _ in ("aaaa"):gmatch("aa") do count = count + 1 end
print(count)
local t = {}
for w in ("The rain in Spain"):gmatch("%a*ain") do t[#t + 1] = w end
print(table.concat(t, ","))
