async def f():
    a = [x async for x in aiter()]
    b = {x async for x in aiter()}
    c = {k: v async for k, v in aiter()}
    d = (x async for x in aiter())
    e = [await x for x in items]
    g = [x for x in items async for y in aiter() if await y]
    h = [x async for x in aiter() if x async for y in x]
    return [i async for i in aiter()]
