"""Field schemas derived from the annotations of record classes."""

from decimal import Decimal


class Record:
    """Base class: collects each subclass's fields from its annotations."""

    fields: dict[str, type] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.fields = dict(cls.__dict__.get("__annotations__", {}))

    def describe(self):
        return {name: hint.__name__ for name, hint in self.__annotations__.items()}


class PriceRecord(Record):
    sku: str
    price: Decimal
