x = 1
a = rt'\d{x}'
b = tr'{x}\n'
c = Rt'{x}'
d = tR'''\
{x}'''
e = RT"{x}"
f = Tr"{x}"
g = rT'{x}'
h = TR'{x}'
