for x in y: pass
for x, in y: pass
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for x, (y, z) in w: pass
for x, *rest in y: pass
for *init, last in y: pass
for obj.attr in y: pass
for obj[0] in y: pass
for obj.a, obj[1] in y: pass
for x in *a, *b: pass
for x in a, b: pass
for x in (yield_ for yield_ in y): pass
for x in lambda: y, 1: pass
for x in y if z else w: pass
