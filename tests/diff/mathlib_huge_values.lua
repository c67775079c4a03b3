local inf = math.huge
print(inf, -inf, inf + 1, inf - inf ~= inf - inf, inf * 0 ~= inf * 0, 1 / inf, -1 / inf)
print(math.floor(inf), math.ceil(-inf), math.abs(-inf), math.sqrt(inf), math.exp(inf), math.exp(-inf), math.log(inf))
print(math.max(inf, -inf), math.min(inf, -inf), math.fmod(5, inf), math.modf(inf))
print(math.frexp(inf), math.ldexp(inf, 1), math.pow(inf, -1), inf ^ 0.5, (-inf) ^ 2)
print(string.format("%d", 2^31) == "2147483648", tostring(1e309), tostring(-1e309))
print(math.huge == 2^1024, -math.huge == -(2^1024), 2^1023 * 2 == inf)
