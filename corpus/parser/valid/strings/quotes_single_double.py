a = 'single'
b = "double"
c = 'it"s'
d = "it's"
e = ''
f = ""
g = 'escaped \' quote'
h = "escaped \" quote"
