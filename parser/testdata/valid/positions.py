x = (
    1 +
    2
)
y = [
    a,
    b,
]
def f(
    a,
    b,
):
    pass
z = f(
    x
)(
    y
)
s = ("implicit"
     "concatenation")
t = (f"a{b}"
     f"c{d}")
@ decorator
class K: pass
if x:
    # comment
    pass  # trailing
w = a.b \
    .c
v = lambda: (
    yield
)
