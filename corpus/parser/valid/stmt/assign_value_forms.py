def gen():
    x = yield
    x = yield 1
    x = yield from other()
    x = yield 1, 2
    x = *a, b
    x = y = *a, *b


async def coro():
    x = await y
    x = await (await z)
