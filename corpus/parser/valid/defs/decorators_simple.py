@decorator
def f():
    pass


@a.b.c
def g():
    pass


@decorator(1, key="value")
def h():
    pass


@one
@two
@three
def i():
    pass


@dataclass(frozen=True)
class C:
    pass


@decorator
async def coro():
    pass
