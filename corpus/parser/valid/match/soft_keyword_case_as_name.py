case = 1
case.attr = 2
case[0] = 3
case(x)
print(case)
def case(case): return case
class case: pass
match x:
    case case:
        pass
match case:
    case 1:
        case = 2
match x:
    case {"case": case}:
        pass
    case Case(case=case):
        pass
