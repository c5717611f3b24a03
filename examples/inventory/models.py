"""Domain model of the inventory."""

from __future__ import annotations

import dataclasses
import typing
from decimal import Decimal


@dataclasses.dataclass
class Item:
    sku: str
    name: str
    price: Decimal
    tags: list[str] = dataclasses.field(default_factory=list)
    parent: Item | None = None

    def field_types(self) -> dict[str, type]:
        # Resolves the string annotations that the __future__ import left behind.
        return typing.get_type_hints(type(self))


class Warehouse:
    """A named collection of items, indexed by SKU."""

    location: str
    capacity: int

    def __init__(self, location: str, capacity: int = 1000) -> None:
        self.location = location
        self.capacity = capacity
        self._items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if len(self._items) >= self.capacity:
            raise ValueError(f"{self.location} is full ({self.capacity} items)")
        self._items[item.sku] = item

    def __iter__(self) -> typing.Iterator[Item]:
        return iter(self._items.values())

    @classmethod
    def schema(cls) -> dict[str, str]:
        """Describe the declared attributes, for the admin pages."""
        return {name: str(kind) for name, kind in cls.__annotations__.items()}
