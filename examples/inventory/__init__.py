"""A small inventory service: items, a price cache and archived snapshots."""

from .models import Item, Warehouse

__all__ = ["Item", "Warehouse"]
__version__ = "1.4.2"
