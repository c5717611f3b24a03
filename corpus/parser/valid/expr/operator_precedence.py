x = a + b * c
x = (a + b) * c
x = a - b - c
x = a ** b ** c
x = -a ** -b
x = ~a + -b * +c
x = a | b ^ c & d << e + f * g ** h
x = a << b >> c
x = a * b @ c / d // e % f
x = not a == b
x = a if b else c if d else e
x = lambda: a if b else c
x = a or b and not c
x = a | b < c & d
