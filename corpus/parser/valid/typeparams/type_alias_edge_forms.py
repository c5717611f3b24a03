type X = int
type X[T] = T
type X[T,] = T
type X[T: int, *Ts, **P] = (T, Ts, P)
type X = (*a, b)
type X = yield_
type X[
    T
] = T
