name = "world"
a = t'Hello {name}'
b = t"Hello {name}"
c = t''
d = t'no fields'
e = t'{name}{name}'
f = T'{name}'
