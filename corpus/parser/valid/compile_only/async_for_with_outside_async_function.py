async for x in y:
    pass
async with x:
    pass
def f():
    async for a in b:
        pass
