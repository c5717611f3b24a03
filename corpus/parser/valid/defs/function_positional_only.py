def f(a, /):
    pass


def g(a, b, /, c):
    pass


def h(a, b=1, /, c=2):
    pass


def i(a, /, *, b):
    pass


def j(a, /, b, *args, c, **kwargs):
    pass


def k(a=1, /, b=2, *, c):
    pass


def l(a, /,):
    pass
