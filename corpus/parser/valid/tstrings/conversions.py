x = 1
a = t'{x!r}'
b = t'{x!s}'
c = t'{x!a}'
d = t'{x!r:>10}'
