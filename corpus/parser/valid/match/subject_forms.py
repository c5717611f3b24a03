match x:
    case _: pass
match (x):
    case _: pass
match x, y:
    case _: pass
match x,:
    case _: pass
match *a, b:
    case _: pass
match (x, y):
    case _: pass
match -x:
    case _: pass
match f(x):
    case _: pass
match x[0]:
    case _: pass
match x.y:
    case _: pass
match [x]:
    case _: pass
match {x}:
    case _: pass
match x if y else z:
    case _: pass
match x := f():
    case _: pass
match not x:
    case _: pass
match await_:
    case _: pass
match lambda: 0:
    case _: pass
match "string":
    case _: pass
match 1:
    case _: pass
