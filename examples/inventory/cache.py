"""An in-process cache of prices, shared by the worker threads."""

import threading
import time

_prices = {}
_hits = 0
_misses = 0


def lookup(sku, fetch):
    """Return the cached price of sku, calling fetch(sku) on a miss."""
    global _hits, _misses
    if sku in _prices:
        _hits += 1
        return _prices[sku]
    _misses += 1
    price = fetch(sku)
    _prices[sku] = price
    return price


def stats():
    total = _hits + _misses
    return {"hits": _hits, "misses": _misses, "ratio": _hits / total if total else 0.0}


def warm(skus, fetch, workers=4):
    """Fill the cache from several threads at once."""
    threads = [
        threading.Thread(target=lambda part=skus[i::workers]: [lookup(s, fetch) for s in part])
        for i in range(workers)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic()
