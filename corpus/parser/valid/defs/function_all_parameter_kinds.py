def f(a, b: int, /, c, d: int = 1, *args: str, e, f: int = 2, g, **kwargs: bytes) -> None:
    pass


def g(
    a,
    b=1,
    /,
    c=2,
    *,
    d,
    e=3,
    **kwargs,
):
    pass
