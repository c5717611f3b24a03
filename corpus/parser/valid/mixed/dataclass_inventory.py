"""Inventory management with dataclasses."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class Item:
    """A single stock item."""

    sku: str
    name: str
    price: float = 0.0
    tags: tuple[str, ...] = ()
    registry: ClassVar[dict[str, Item]] = {}

    def __post_init__(self) -> None:
        if not self.sku:
            raise ValueError(f"empty sku for {self.name!r}")
        Item.registry[self.sku] = self

    @property
    def label(self) -> str:
        return f"{self.name} ({self.sku}) @ {self.price:.2f}"


@dataclass
class Inventory:
    items: dict[str, int] = field(default_factory=dict)

    def add(self, item: Item, count: int = 1, /) -> None:
        self.items[item.sku] = self.items.get(item.sku, 0) + count

    def remove(self, sku: str, *, count: int = 1) -> int:
        if (have := self.items.get(sku, 0)) < count:
            raise KeyError(sku)
        self.items[sku] = have - count
        return self.items[sku]

    def __iter__(self) -> Iterator[tuple[str, int]]:
        yield from sorted(self.items.items(), key=lambda kv: (-kv[1], kv[0]))

    def total(self) -> float:
        return sum(Item.registry[s].price * n for s, n in self.items.items())


if __name__ == "__main__":
    inv = Inventory()
    inv.add(Item("A1", "apple", 0.5, ("fruit",)), 10)
    for sku, count in inv:
        print(f"{sku:<6}{count:>4}")
