match [x]:
    case [y]:
        pass
match(x):
    case y:
        pass
match -x:
    case y:
        pass
match[x]
match(x)
match -x
match * x
match(x), y
