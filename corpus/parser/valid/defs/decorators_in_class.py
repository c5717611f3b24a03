class C:
    @property
    def x(self):
        return 1

    @x.setter
    def x(self, value):
        pass

    @functools.cache
    @staticmethod
    def s():
        pass

    @dataclasses.dataclass
    class Inner:
        pass
