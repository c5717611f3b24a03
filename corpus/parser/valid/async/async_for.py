async def f():
    async for x in aiter():
        pass
    async for x, y in aiter():
        pass
    else:
        pass
    async for x in aiter(): pass
    async for obj.attr in aiter():
        pass
