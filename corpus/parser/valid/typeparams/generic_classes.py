class Box[T]:
    def __init__(self, item: T) -> None:
        self.item = item


class Pair[K, V](Base, metaclass=Meta):
    pass


class Empty[T]: pass


class WithBases[T](list[T], Generic):
    pass


class Derived[T](Box[T]):
    def method[U](self, other: U) -> tuple[T, U]:
        return self.item, other
