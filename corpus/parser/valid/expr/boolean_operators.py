a and b
a or b
a and b and c
a or b or c
a and b or c and d
not a and not b
a or not b and c
(a or b) and c
x = a if b else c or d
