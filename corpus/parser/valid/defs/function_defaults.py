def f(a, b=1, c=None, d="s", e=(1, 2), f=[], g={}, h=lambda: 0):
    pass


def g(a=1, *args, b, c=2, **kwargs):
    pass
