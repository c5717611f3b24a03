(x := 1)
x = (y := 2)
if x := f():
    pass
elif y := g():
    pass
while chunk := read():
    pass
while (line := readline()) != "":
    pass
[y := f(x), y ** 2]
[y for x in data if (y := f(x))]
[y := x for x in data]
{y := 1}
{y := 1, z := 2}
(y := 1, z := 2)
f(x := 1)
f(a, x := 1)
f(x := 1, a=2)
f(a=(x := 1))
a[x := 1]
a[x := 1, y := 2]
print(f"{(x := 1)}")
assert (x := 1)
with (x := f()) as y:
    pass
with (x := f()):
    pass
lambda: (x := 1)
x = (y := (z := 1))
x = [(y := 1)]
match (x := f()):
    case _:
        pass
match x := f():
    case _ if (y := x):
        pass
    case _ if y := x:
        pass
def f(a=(x := 1)) -> (y := int):
    return (z := 1)
@d := dec
def g(): pass
[x for x in (y := z)]
f = lambda x=(y := 1): x
a[(x := 1):(y := 2)]
def gen():
    yield (x := 1)
    return (x := 2)
print(x := 1, y := 2)
