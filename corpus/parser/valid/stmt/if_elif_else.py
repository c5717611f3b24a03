if a:
    pass
if a:
    pass
else:
    pass
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
if (a and
        b):
    pass
if a: pass
elif b: pass
else: pass
if not a: x = 1; y = 2
