counter = 0


def increment():
    global counter
    counter += 1


def many():
    global a, b, c
    a = b = c = 1


def outer():
    x = 0
    y = 0

    def inner():
        nonlocal x
        nonlocal x, y
        x += 1
        y += 1

    return inner
