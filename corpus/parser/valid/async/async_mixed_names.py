async_ = 1
await_ = 2
asyncio = 3
def async_fn(): pass
x.async_ = 1
