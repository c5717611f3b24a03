def f():
    """He said "hi" and 'bye'."""


def g():
    '''Triple single with """ inside.'''


def h():
    """Ends with quote ""\""""
