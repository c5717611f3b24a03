"""Times CPython's own parser (ast.parse) on files, in process: start-up and
reading the files excluded. Usage: python3 bench/cpython_parse.py FILE...
Prints "seconds bytes", the best of five passes."""
import ast
import sys
import time

sources = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        sources.append(f.read())
total = sum(len(s) for s in sources)
best = float("inf")
for _ in range(5):
    t0 = time.perf_counter()
    for s in sources:
        ast.parse(s)
    best = min(best, time.perf_counter() - t0)
print(f"{best:.4f} {total}")
