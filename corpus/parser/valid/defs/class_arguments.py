class A(metaclass=Meta):
    pass


class B(Base, metaclass=Meta, **options):
    pass


class C(*bases):
    pass


class D(*bases, **kwargs):
    pass


class E(Base, *mixins, flag=True):
    pass


class F(
    Base,
    Mixin,
):
    pass


class G(Base[int], Generic[T]):
    pass


class H(make_base()):
    pass
