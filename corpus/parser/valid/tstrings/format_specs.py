x = 1
w = 10
a = t'{x:>10}'
b = t'{x:{w}}'
c = t'{x:{w}.{w}f}'
d = t'{x:}'
e = t'{x:=10}'
f = t'{x:%Y}'
