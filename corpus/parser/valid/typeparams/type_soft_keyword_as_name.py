type = 1
type.attr = 2
type[0] = 3
type(x)
print(type(x))
type: int = 1
x = type
def type(type): return type
class type: pass
import type
from type import type
type, other = 1, 2
type += 1
type -x
type * x
type[int]
type = type(type)
match type:
    case type:
        pass
type type = type
type match = int
type case = int
type _ = int
f(type=type)
type.type.type
