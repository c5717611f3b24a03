f = lambda: 0
f = lambda x: x
f = lambda x, y: x + y
f = lambda x=1: x
f = lambda *args: args
f = lambda **kwargs: kwargs
f = lambda *args, **kwargs: (args, kwargs)
f = lambda a, /, b: a
f = lambda a, /: a
f = lambda *, a: a
f = lambda a, *, b=1, **c: a
f = lambda a=1, /, b=2, *c, d, e=3, **f: a
f = lambda a,: a
f = lambda *a,: a
f = lambda **k,: k
f = lambda: (yield)
f = lambda: lambda: lambda x: x
f = lambda x: x if x else lambda: 0
f = lambda: (x := 1)
f = lambda x: [y for y in x]
f = lambda: (*a, b)
f = (lambda: 0)()
