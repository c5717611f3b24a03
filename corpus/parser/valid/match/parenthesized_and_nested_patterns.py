match x:
    case (1):
        pass
    case ((1)):
        pass
    case ([a, (b, [c, {"d": (e)}])]):
        pass
    case (a | b) | (c | d):
        pass
    case [Point(x=(0 | 1) as px, y=[*_] as py)]:
        pass
