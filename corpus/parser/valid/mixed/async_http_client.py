"""A small asynchronous fetcher."""
import asyncio
import contextlib
from typing import Any


class RateLimited(Exception):
    pass


async def fetch(session: Any, url: str, *, retries: int = 3) -> bytes:
    for attempt in range(retries):
        try:
            async with session.get(url) as response:
                if response.status == 429:
                    raise RateLimited(url)
                return await response.read()
        except* RateLimited as group:
            await asyncio.sleep(2 ** attempt)
        except* (ConnectionError, TimeoutError):
            continue
    raise RuntimeError(f"giving up on {url}")


async def fetch_all(session, urls):
    results = {}
    async with asyncio.TaskGroup() as tg:
        tasks = {url: tg.create_task(fetch(session, url)) for url in urls}
    for url, task in tasks.items():
        with contextlib.suppress(Exception):
            results[url] = task.result()
    return results


async def stream(source):
    async for chunk in source:
        if not chunk:
            break
        yield chunk.decode()


async def main():
    lines = [line async for line in stream(None) if line.strip()]
    return await asyncio.gather(*[asyncio.sleep(0) for _ in lines])


if __name__ == "__main__":
    asyncio.run(main())
