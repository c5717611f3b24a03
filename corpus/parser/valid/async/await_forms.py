async def f():
    await x
    await x.y
    await x()
    await x[0]
    await (x)
    await (await x)
    await await_ish()
    y = await x
    y = await x ** 2
    y = -await x
    y = [await a, await b]
    y = await x.y().z[0]
    y = f(await x)
    return await x
    await x if c else y
