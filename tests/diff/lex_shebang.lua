#!/usr/bin/env lua5.1 this line is ignored
print("after shebang")
print(debug == nil, type(print))
