def f(x):
    global x
def g():
    x = 1
    def h():
        global x
        nonlocal x
