@decorator
@decorator.attr(1, x=2)
@(lambda f: f)
@a[0].b
def f(a, b=1, /, c=2, *args: *Ts, d, e=3, **kwargs) -> "ret":
    """doc"""
    return a, *b

def g(*, a, b=None): yield
def h(a, /): return
async def i[T, *Ts, **P](x: T) -> None: pass
def j[T: int, U: (int, str) = str, *V = *tuple[int], **W = [int]](): pass
class C(A, B, metaclass=M, **kw):
    x: int = 1
    def m(self): ...
class D[T]: pass
class E(): pass
lambda: 0
lambda x, /, y=1, *z, w, **k: x
lambda *, a: a
lambda *a, **k: 0
f = lambda x=(1, 2): x
