with (a as b):
    pass
with (a as b, c as d):
    pass
with (a as b, c as d,):
    pass
with (
    open("a") as fa,
    open("b") as fb,
):
    pass
with (a, b as c):
    pass
with (a, b):
    pass
with (a, b,):
    pass
with (yield_value):
    pass
with (a, b as c, d):
    pass
with (a) as b, (c) as d:
    pass
with ((a, b)) as c:
    pass
