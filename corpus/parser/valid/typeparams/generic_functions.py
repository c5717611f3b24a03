def f[T](x: T) -> T:
    return x


def g[T, U](x: T, y: U) -> tuple[T, U]:
    return x, y


def h[T,](x: T) -> T:
    return x


async def a[T](x: T) -> T:
    return x


def i[
    T,
    U,
](): pass
