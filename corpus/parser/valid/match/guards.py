match x:
    case n if n > 0:
        pass
    case n if n < 0 and n != -1:
        pass
    case [a, b] if a == b:
        pass
    case _ if (y := f(x)):
        pass
    case _ if y := f(x):
        pass
    case _ if lambda: 0:
        pass
    case _ if x if x else x:
        pass
