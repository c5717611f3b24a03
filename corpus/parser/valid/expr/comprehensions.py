[x for x in y]
{x for x in y}
{x: y for x, y in z}
(x for x in y)
[x for x in y if x]
[x for x in y if x if not x]
[x for x in y for z in x]
[x for x in y if x for z in x if z]
[(x, y) for x in a for y in b]
[x for x, in y]
[x for (x, y) in z]
[x for [x, y] in z]
[x for x, *y in z]
[x for obj.attr in z]
[x for x in (lambda: y)()]
[x for x in y if (z := x)]
[y := f(x) for x in z]
[[y for y in x] for x in z]
[x for x in [y for y in z]]
{**{k: v for k, v in a}}
[*[x for x in y]]
