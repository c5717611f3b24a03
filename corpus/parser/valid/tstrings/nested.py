x = 1
a = t'{t'{x}'}'
b = t'{f'{x}'}'
c = f'{t'{x}'}'
d = t"{t"{t"{x}"}"}"
e = t'{x:{t'{x}'}}' if False else None
