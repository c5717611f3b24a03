(x)
((x))
(((x)))
(x + y) * z
(x
 +
 y)
(
    x
)
(yield_)
(lambda: 0)
(x if y else z)
(not x)
(x := 1)
(*a, b)
