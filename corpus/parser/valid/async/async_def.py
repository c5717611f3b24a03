async def f():
    pass


async def g(a, /, b=1, *args, c, **kwargs) -> int:
    return await h()


async def agen():
    yield 1
    yield


class C:
    async def method(self):
        return self


async def nested():
    async def inner():
        pass
    def sync():
        pass
    return inner
