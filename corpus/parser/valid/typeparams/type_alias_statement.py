type Point = tuple[float, float]
type Json = dict[str, "Json"] | list["Json"] | str | int | float | bool | None
type ListOrSet[T] = list[T] | set[T]
type Recursive[T] = T | list[Recursive[T]]
type Lam = lambda: 0
type Cond = int if x else str
type X = (
    int
    | str
)
class C:
    type Inner = int
def f():
    type Local = int
    return Local
