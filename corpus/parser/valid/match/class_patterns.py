match x:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, y=0):
        pass
    case Point(a, b,):
        pass
    case Point(x=a, y=b,):
        pass
    case mod.Point(x=[a, b]):
        pass
    case int(n) | float(n):
        pass
    case Outer(inner=Inner(value=v)):
        pass
    case str() as s:
        pass
