'a' "b" '''c''' """d"""
u'x' U'y' r'\n' R"\d"
b'x' B"y" br'\x' Rb'\y' rB'z'
'\x41\101\u0041\U00000041\N{LATIN SMALL LETTER A}\n\t\\\'\"\a\b\f\v\0'
'\ud800' '\q'
b'\777'
'a' 'b' u'c'
"line1\
line2"
'''multi
line'''
f'{x}' f"{x!r}" f'{x!s:>10}' f'{x:{y}.{z}}' f'{x=}' f'{x = !a}' f'{x=:^5}'
f'a{b}c' 'd' f'e{f}'
f'{"nested"}' f'{f"{x}"}' f'{x:{{}}}' f'{{literal}}'
f'''{
    x
}'''
f'{x # comment
}'
rf'\d{x}\n' fr'{x}\n' F'{x}' Rf'{x}'
t'{x}' t'a{b!r:c}d' t'{x=}' T'{ x }'
t'{x}' t'{y}'
f'{(lambda: 1)()}'
f'{x:%Y-%m-%d}'
f'{3.14:.2f}'
f'{x!r:{w}.{p}f}'
