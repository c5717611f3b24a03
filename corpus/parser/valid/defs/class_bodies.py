class C:
    """Doc."""
    x: int
    y: int = 0
    z = w = 1

    @property
    def prop(self):
        return self.x

    @staticmethod
    def smeth():
        pass

    @classmethod
    def cmeth(cls):
        pass

    class Nested:
        pass

    async def ameth(self):
        await self.x

    if sys:
        conditional = 1
    else:
        conditional = 2

    for i in range(3):
        pass

    try:
        import fast
    except ImportError:
        fast = None
