break
continue
def f():
    break
