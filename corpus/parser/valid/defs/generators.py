def gen():
    yield


def gen1():
    yield 1


def gen2():
    yield 1, 2


def gen3():
    yield *a, b


def gen4():
    yield from range(3)


def gen5():
    x = yield
    y = (yield x)
    z = f((yield))
    w = [(yield i) for i in ()]
    return (yield from gen4())


def gen6():
    yield lambda: 0
    yield x if y else z
    await_ = yield
