def f():
    return [(yield) for x in y]
type X = (yield)
class C[T](base=(yield)): pass
