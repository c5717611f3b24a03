print = 1
exec = 2
nonlocal_ = 3
True_ = 4
none = 5
NONE = 6
Self = 7
self = 8
async_ = 9
await_ = 10
__match_args__ = ()
__debug2__ = 1
str = int = list = 0
_ = __ = ___ = 11
