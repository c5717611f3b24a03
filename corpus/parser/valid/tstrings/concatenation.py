x = 1
a = t'a' t'b'
b = t'{x}' t'{x}'
c = (t'first {x} '
     t'second {x}')
d = t'a' T'b' rt'c' Tr'd'
