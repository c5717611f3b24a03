x = 1
a = 'a' f'{x}'
b = f'{x}' 'a'
c = f'{x}' f'{x}'
d = 'a' f'{x}' 'b' f'{x}' 'c'
e = ('text '
     f'{x} '
     rf'\d{x}'
     'tail')
f = f'' ''
g = '' f''
h = 'a' F'b' fr'c' Rf'd'
