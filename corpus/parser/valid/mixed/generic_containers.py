"""Generic containers using PEP 695 syntax."""
from collections.abc import Callable, Iterable, Iterator

type Predicate[T] = Callable[[T], bool]
type Pair[A, B = A] = tuple[A, B]


class Stack[T]:
    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)

    def push(self, item: T, /) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    def filter(self, pred: Predicate[T]) -> "Stack[T]":
        return Stack(x for x in self._items if pred(x))

    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)


class Registry[K: (str, bytes), V = object]:
    def __init__(self) -> None:
        self._data: dict[K, V] = {}

    def register[F: Callable[..., object]](self, key: K) -> Callable[[F], F]:
        def decorator(func: F) -> F:
            self._data[key] = func
            return func
        return decorator


def apply[*Ts, R](func: Callable[[*Ts], R], *args: *Ts) -> R:
    return func(*args)


def wrap[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)
    return inner
