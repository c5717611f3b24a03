x: int
x: int = 1
y: "ForwardRef" = None
(z): list[int] = []
obj.attr: int
obj.attr: int = 2
obj[0]: int
obj[0]: int = 3
t: tuple[int, ...] = 1, 2
t: tuple = *a, b
f: Callable[[int], str] = str
d: dict[str, list[int]] = {"a": [1]}
u: int | None = None
