__debug__ = 1
del __debug__
def f(__debug__): pass
f(__debug__=1)
