x = 1
global x
def f():
    y = 1
    global y
