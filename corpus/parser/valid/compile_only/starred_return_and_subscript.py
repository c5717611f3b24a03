def f():
    return *a
x[*a] = 1
