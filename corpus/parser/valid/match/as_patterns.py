match x:
    case [a, b] as whole:
        pass
    case (1 | 2) as n:
        pass
    case 1 | 2 as n:
        pass
    case Point(x=0 as zero):
        pass
    case [*_] as seq:
        pass
    case ((a as b) as c):
        pass
    case _ as anything:
        pass
