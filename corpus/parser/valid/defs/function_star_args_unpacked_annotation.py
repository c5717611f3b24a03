def f(*args: *Ts):
    pass


def g(*args: *tuple[int, str]):
    pass


def h[*Ts](*args: *Ts) -> tuple[*Ts]:
    return args


def i(*args: *Ts, **kwargs: int):
    pass
