x = 1
a = f'{x!r}'
b = f'{x!s}'
c = f'{x!a}'
d = f'{x!r:>10}'
e = f'{x!s:}'
f = f'{x !r}'
g = f'{x!r }' if False else ''
