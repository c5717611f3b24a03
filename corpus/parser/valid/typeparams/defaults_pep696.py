def f[T = int](): pass
def g[T: int = bool](): pass
def h[T: (int, str) = str](): pass
def i[*Ts = *tuple[int, str]](): pass
def j[**P = [int, str]](): pass
def k[**P = ...](): pass
class C[T = int, U = str]: pass
class D[T, U = T]: pass
type A[T = int] = list[T]
type B[*Ts = *tuple[int, ...]] = tuple[*Ts]
type Cb[**P = [int]] = Callable[P, None]
def l[T = list[int], *Ts = *Us, **P = Q](): pass
def m[*Ts = *tuple[int] | None](): pass
