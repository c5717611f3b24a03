a = 'a' 'b'
b = 'a' "b" '''c''' """d"""
c = ('multi'
     'line'
     "concatenation")
d = 'a' \
    'b'
e = 'x' r'\d' u'y'
f = ('a'
     # a comment between parts
     'b')
g = ('first line\n'

     'after blank line\n')
