@buttons[0].clicked.connect
def on_click():
    pass


@(lambda f: f)
def a():
    pass


@lambda f: f
def b():
    pass


@x if cond else y
def c():
    pass


@first or second
def d():
    pass


@registry["name"]
def e():
    pass


@make()()
def f():
    pass


@decorators[0](arg)[1].attr
def g():
    pass


@(yield_ := decorator)
def h():
    pass


@deco := make_decorator()
def i():
    pass


@a + b
def j():
    pass


@not_
@-x
@~y
@a @ b
class K:
    pass
