match x:
    case [a, *b, *c]:
        pass
    case f"hello":
        pass
    case t"hello":
        pass
    case [a, a]:
        pass
    case a | b:
        pass
    case _:
        pass
    case 1:
        pass
