a or b or c and d and not e
a if b else c if d else e
x < y <= z != w is not v in u not in t
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
-a ** -b ** c
~+-x
await a ** b
(a).b.c(d)[e](f=1)(*g, **h)
f(x for x in y)
f((x for x in y), z)
f(a, *b, c=1, *d, **e)
f(a)(b)(c)
a[1:2], a[:], a[::], a[1:2:3], a[:, 1], a[1:2, ::3], a[...], a[x:=1], a[*b], a[*b, c]
(x := 1), [y := 2], {z := 3}
[x for x in y if x if not x for z in x]
{x: y for x, y in z}
{x for x in y}
(x async for x in y)
[*a, *b]
{**a, 'b': 1, **c}
{*a, b}
()
(1,)
1,
x = *a, b
x = yield
x = yield a, *b
x = yield from y
print(*a, sep='')
0x_ff + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + 1J + 0.0 + 1e10 + .5 + 5. + 00
True, False, None, ...
not not x
x[a, b:c]
x.y.z
(((a)))
((a), b)
f(a=(b))
