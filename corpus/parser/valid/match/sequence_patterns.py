match x:
    case []:
        pass
    case ():
        pass
    case [a]:
        pass
    case (a,):
        pass
    case [a, b]:
        pass
    case (a, b):
        pass
    case [a, b,]:
        pass
    case a, b:
        pass
    case a,:
        pass
    case [a, *rest]:
        pass
    case [*rest, a]:
        pass
    case [a, *_, b]:
        pass
    case (*rest,):
        pass
    case *rest, a:
        pass
    case [[a, b], (c, d)]:
        pass
    case [*_]:
        pass
