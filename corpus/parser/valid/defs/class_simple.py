class A:
    pass


class B():
    pass


class C(A):
    pass


class D(A, B):
    x = 1

    def method(self):
        return self.x


class E: pass
