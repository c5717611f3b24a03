match x:
    case 1 | 2 | -3 | 1.5 | 1+2j | -1-2j:
        pass
    case "a" "b" | b"c" | None | True | False:
        pass
    case [a, *rest] | (b, *_) | [] | ():
        pass
    case {"k": v, **kw} | {1: _} | {}:
        pass
    case Point(x=0, y=1) | Point(1, 2, z=3) | a.b.C():
        pass
    case (a as b) | [c as d, e]:
        pass
    case x if x > 0:
        pass
    case a.b.c:
        pass
    case _:
        pass
match x, y:
    case a, b:
        pass
match *a, b:
    case [*_]:
        pass
match (x):
    case (1):
        pass
match = 1
match(x)
match[1]
case = 2
type = 3
_ = 4
