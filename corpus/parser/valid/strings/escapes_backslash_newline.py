a = 'one \
two'
b = "one \
two"
c = b'one \
two'
d = r'raw keeps \
backslash-newline'
e = '\
'
