x = 1
a = rf'\d{x}\n'
b = fr'{x}\\'
c = Rf'\{x}'
d = rf'{x:\d}'
e = rf'''{x}\
'''
g = rf'\N{x}'
