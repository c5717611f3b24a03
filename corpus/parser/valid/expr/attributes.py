a.b
a.b.c.d
a().b
a[0].b
(a).b
"s".upper()
b"s".decode()
[1].pop()
{}.keys()
(1, 2).count(1)
1 .real
1.0.real
1..real
1j.imag
1e3.real
0x10.real
None.__class__
....__class__
