class C:
    return
async def agen():
    yield 1
    return 2
async def agen2():
    yield from x
