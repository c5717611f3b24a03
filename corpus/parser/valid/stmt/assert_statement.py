assert x
assert x, "message"
assert x == 1, f"got {x}"
assert (x, "tuple is always true")
assert isinstance(x, int), (
    "multi-line message"
)
assert not x or y
