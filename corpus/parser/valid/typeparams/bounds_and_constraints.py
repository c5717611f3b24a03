def f[T: int](x: T) -> T: return x
def g[T: (int, str)](x: T) -> T: return x
def h[T: "Forward"](x: T) -> T: return x
def i[T: list[int], U: (bytes, bytearray)](): pass
class C[T: Hashable, *Ts, **P]: pass
type Alias[T: int] = list[T]
type Constrained[T: (int, float)] = T
def j[T: int | str](): pass
def k[T: Callable[..., Any]](): pass
