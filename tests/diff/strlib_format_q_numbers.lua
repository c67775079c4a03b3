local f = string.format
print(f("%q", 0), f("%q", 1e100), f("%q", 1/3), f("%q", -1/0), f("%q", 2^53), f("%q", 255))
print(f("%q", "\r\n\0\26"), #f("%q", "\r\n\0\26"))
print(f("%q", "\\"), f("%q", '"'), f("%q", "'"))
print(f("%q", "multi\nline\nstring"))
print(f("%q", string.rep("x", 50)))
