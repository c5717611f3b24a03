x = 1 + \
    2
if a and \
   b:
    pass
assert x, \
    "msg"
with a as b, \
     c as d:
    pass
y = \
\
\
    3
from os import path, \
    sep
def f(\
):
    return \
        1
z = [1, \
     2]
