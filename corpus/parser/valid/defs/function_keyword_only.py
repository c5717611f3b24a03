def f(*, a):
    pass


def g(*, a, b=1, c):
    pass


def h(a, *, b, **kwargs):
    pass


def i(*args, a, b=2):
    pass


def j(*, a,):
    pass
