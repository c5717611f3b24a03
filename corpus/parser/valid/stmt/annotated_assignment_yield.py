def gen():
    x: int = yield
    y: int = yield 1
    z: list = yield from other()
