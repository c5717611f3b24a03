import a.b.c as d, e
from . import x
from .. mod import (y as z, w,)
from ...pkg.sub import *
global g1, g2
nonlocal n
del a, (b), [c, d], e.f, g[h],
assert x, "msg"
raise
raise E
raise E from None
x = y = 1
x: int
(x): int = 1
x.y: List[int] = []
x += 1; y //= 2;
a, *b = c
[a, b] = (c, d) = e
type X = int
type Y[T] = list[T]
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
while x: break
else: continue
for i, j in enumerate(k): ...
else:
    x
async def f():
    async for x in y:
        pass
    async with a as b, c:
        pass
    await x
with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a) as b:
    pass
with (yield):
    pass
try:
    pass
except (A, B) as e:
    pass
except C, D:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
try:
    pass
finally:
    pass
