def f(a, a):
    pass
lambda b, b: 0
def g[T, T](): pass
