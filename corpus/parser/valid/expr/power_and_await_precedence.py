async def f():
    a = await x ** 2
    b = -await x
    c = await x.y ** -await z
    d = 2 ** -1
    e = -2 ** -2
    g = (-2) ** 2
    h = 2 ** ~1
    i = 2 ** not_
