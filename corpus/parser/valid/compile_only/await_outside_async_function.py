await x
def f():
    await y
