items = [1, 2]
a = t'{items[0]}'
b = t'{[i for i in items]}'
c = t'{(y := 1)}'
d = t'{items!r:{len(items)}}'
e = t'{{literal}}'
f = t'{ {1: 2} }'
g = t'{lambda_ if items else None}'
h = t'{*items,}'
