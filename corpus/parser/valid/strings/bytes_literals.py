a = b''
b = b'ascii only'
c = b'\x00\xff'
d = b'\t\n\r'
e = b"double"
f = b'''triple
bytes'''
g = b'\\'
h = b'a' b'b'
i = b'a' rb'\b' Br'c'
j = b'~ !"#$%&()*+,-./0123456789:;<=>?@[]^_`{|}'
