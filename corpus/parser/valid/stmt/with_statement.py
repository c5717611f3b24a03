with a:
    pass
with a as b:
    pass
with a as b, c as d:
    pass
with a, b, c:
    pass
with a as (b, c):
    pass
with a as [b, c]:
    pass
with a as b.attr, c as d[0]:
    pass
with (a):
    pass
with (a) as b:
    pass
with (a, b) as c:
    pass
with f() as x: pass
