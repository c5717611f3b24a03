print(*a)
print(*a, *b)
[*a, *b]
{*a, *b}
(*a, *b)
*a, b
a, *b
x = *a, *b
f(*a.b)
f(*a[0])
f(*a())
f(*(a + b))
f(*a or b)
f(**a.b)
