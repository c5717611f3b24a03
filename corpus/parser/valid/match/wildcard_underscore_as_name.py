_ = 1
_.x = 2
_[0] = 3
_()
print(_)
def _(): pass
class _: pass
for _ in range(3): pass
x, _ = 1, 2
_, *_ = 1, 2, 3
lambda _: _
[_ for _ in ()]
match _:
    case _:
        pass
match x:
    case [_, *_]:
        pass
    case {"_": _}:
        pass
    case C(_=_):
        pass
