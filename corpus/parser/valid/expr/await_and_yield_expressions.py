def gen():
    yield
    x = yield
    x = yield 1
    x = yield from y
    f((yield))
    f((yield 1), (yield from z))
    x = [(yield)]
    x = {(yield): (yield)}
    x = (yield) + (yield)
    yield (yield)
    yield yield_


async def coro():
    await x
    x = await y + await z
    x = [await y for _ in z]
    x = await x ** 2
    x = -await x
    x = (await y)[0]
    x = await y[0]
    await (yield)
    yield await x
