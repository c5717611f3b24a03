def gen():
    with (yield) as x:
        pass
    with (yield):
        pass


async def coro():
    with await lock():
        pass
    with (await a) as b, await c as d:
        pass
