yield 1
x = yield
