f(a=1, a=2)
class C(metaclass=A, metaclass=B): pass
