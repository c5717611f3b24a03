[x async for x in y]
def f():
    return [await x for x in y]
