"""Numeric helpers; exercises operators and literals."""
import math

PHI = (1 + 5 ** .5) / 2
MASK_64 = 0xFFFF_FFFF_FFFF_FFFF
BITS = 0b1010_1010
PERM = 0o755
EPS = 1e-9
TAU = 6.283_185_307_179_586


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return abs(a)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def isqrt(n: int) -> int:
    if n < 0:
        raise ValueError("negative")
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x


def bits(x):
    return (x >> 1) ^ (x << 1) & MASK_64 | ~x & BITS


def close(a, b, *, rel=1e-09, abs_=0.0):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


matrix = [[1, 2], [3, 4]]
product = [[sum(a * b for a, b in zip(row, col)) for col in zip(*matrix)] for row in matrix]
z = complex(1, 2) * 3j - 4.5e-3j
print(gcd(12, 18), fib(10), isqrt(10 ** 20), bits(5), close(PHI ** 2, PHI + 1), product, z, math.pi)
