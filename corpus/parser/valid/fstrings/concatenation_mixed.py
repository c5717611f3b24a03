x = 1
a = f'{x}' 'plain' f'{x}'
b = ('a'
     f'{x}'
     "b")
c = f'{x}' \
    f'{x}'
d = u'a' f'{x}' r'\d' fr'{x}\d'
