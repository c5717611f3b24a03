del x
del x, y
del x, y,
del (x)
del (x, y)
del [x, y]
del (x, [y, z])
del obj.attr
del obj[0]
del obj[1:2]
del obj.a, obj[b], c
del f().attr
del f()[0]
del ()
del []
