def f[*Ts](*args: *Ts) -> tuple[*Ts]: return args
def g[**P](func: Callable[P, int]) -> Callable[P, int]: return func
class C[T, *Ts, **P]: pass
type Fn[**P, R] = Callable[P, R]
type Tup[*Ts] = tuple[*Ts]
def h[T, *Ts, **P,](): pass
