x = 'a
b'
