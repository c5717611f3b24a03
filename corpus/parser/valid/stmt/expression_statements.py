x
x.y
f()
f(x)(y)[z]
1
"docstring-like string"
...
None
True
False
x + y
not x
(x)
x, y
[1, 2]
