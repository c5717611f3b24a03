def f(a: int, b: str = "x", *args: int, c: bool = True, **kwargs: object) -> list[int]:
    pass


def g(a: int, /, b: "str", *, c: None) -> "Forward":
    pass


def h(x: lambda: 1 = 2) -> (yield_ if cond else other):
    pass


def i(callback: Callable[..., Awaitable[None]]) -> dict[str, list[tuple[int, ...]]]:
    pass


def j(x: int | None = None, *args: *tuple[int, ...]) -> None:
    pass
