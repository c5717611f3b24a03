x = 1, 2
for a in 1, 2: pass
return_value = yield_ = 1, 2
del a, b
x[1, 2] = 3, 4
def f():
    return 1, 2
def g():
    yield 1, 2
