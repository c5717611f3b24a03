match x:
    case {}:
        pass
    case {"key": value}:
        pass
    case {"a": 1, "b": [x, y]}:
        pass
    case {"a": 1, **rest}:
        pass
    case {**rest}:
        pass
    case {0: _, 1.5: _, -1: _, None: _, True: _, b"b": _}:
        pass
    case {Color.RED: r, mod.KEY: k}:
        pass
    case {"a": 1,}:
        pass
    case {"a": 1, **rest,}:
        pass
    case {1 + 2j: c}:
        pass
