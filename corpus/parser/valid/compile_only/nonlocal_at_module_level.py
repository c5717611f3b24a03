nonlocal x
def f():
    nonlocal undefined_name
