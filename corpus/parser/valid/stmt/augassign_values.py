def gen():
    total += yield
    total += yield from source()
    items += 1, 2
    items += *extra, 3
