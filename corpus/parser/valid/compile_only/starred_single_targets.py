for *x in y:
    pass
with a as *b:
    pass
