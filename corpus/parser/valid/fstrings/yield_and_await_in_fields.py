def gen():
    return f'{(yield)}' + f'{yield 1}'


async def coro():
    return f'{await x}'
