"""Command line entry point: python -m inventory.cli report LOCATION."""

import argparse
import asyncio
import sys

from . import cache
from .models import Warehouse


async def fetch_price(sku):
    await asyncio.sleep(0)
    return len(sku) * 100


def report(location):
    loop = asyncio.get_event_loop()
    warehouse = Warehouse(location)
    for item in warehouse:
        price = loop.run_until_complete(fetch_price(item.sku))
        print(f"{item.sku:<12} {item.name:<30} {price:>8}")
    print(cache.stats())


def main(argv=None):
    parser = argparse.ArgumentParser(prog="inventory")
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("report", help="print the items of a warehouse")
    rep.add_argument("location")
    args = parser.parse_args(argv)
    try:
        report(args.location)
    except KeyboardInterrupt, BrokenPipeError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
