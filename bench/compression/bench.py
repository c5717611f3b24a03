"""Compression benchmark: gzip and Zstandard on CPython 3.14.

Run through run.sh, which provides FILELIST (NUL-separated paths relative to
/repo), ROUNDS and CPUS as globals.
"""

import gzip
import io
import json
import platform
import random
import sys
import tarfile
import time
from compression import zstd


def json_logs(size):
    """JSON Lines request logs of about size bytes, from a fixed seed."""
    rng = random.Random(314)
    services = ["api", "auth", "billing", "search", "worker"]
    paths = ["/v1/users/{}", "/v1/users/{}/orders", "/v1/orders/{}", "/v1/search", "/healthz", "/v1/carts/{}/items"]
    agents = [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "python-requests/2.32.3",
        "curl/8.8.0",
    ]
    out = io.StringIO()
    t = 1_760_000_000.0
    while out.tell() < size:
        t += rng.expovariate(50)
        status = rng.choices([200, 201, 204, 301, 400, 401, 404, 500], [70, 5, 5, 2, 6, 3, 7, 2])[0]
        record = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % int(t % 1 * 1000),
            "level": "ERROR" if status >= 500 else "WARN" if status >= 400 else "INFO",
            "service": rng.choice(services),
            "host": "web-%d" % rng.randrange(12),
            "method": rng.choice(["GET", "GET", "GET", "POST", "PUT", "DELETE"]),
            "path": rng.choice(paths).format(rng.randrange(100000)),
            "status": status,
            "latency_ms": round(rng.lognormvariate(3, 0.8), 2),
            "bytes": rng.randrange(200, 50000),
            "request_id": "%032x" % rng.getrandbits(128),
            "user_agent": rng.choice(agents),
        }
        out.write(json.dumps(record, separators=(",", ":")) + "\n")
    return out.getvalue().encode()


def source_tar(listing):
    """An uncompressed tar of the listed files under /repo."""
    names = [n for n in open(listing, "rb").read().decode().split("\0") if n]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(names):
            try:
                data = open("/repo/" + name, "rb").read()
            except OSError:
                continue  # deleted in the working tree
            info = tarfile.TarInfo("py314/" + name)
            info.size = len(data)
            info.mtime = 1_760_000_000
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue(), len(names)


def stdlib_tar():
    """An uncompressed tar of the standard library's .py files, from the
    zip CPython runs from."""
    import zipfile
    zpath = next(p for p in sys.path if p.endswith(".zip"))
    buf = io.BytesIO()
    n = 0
    with zipfile.ZipFile(zpath) as z, tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(z.namelist()):
            if not name.endswith(".py"):
                continue
            data = z.read(name)
            info = tarfile.TarInfo("Lib/" + name)
            info.size = len(data)
            info.mtime = 1_760_000_000
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
            n += 1
    return buf.getvalue(), n


def cpu_seconds():
    """CPU time of the process: node's process.cpuUsage() under pyodide,
    which other load on the machine does not inflate the way it inflates
    wall time; time.process_time() elsewhere."""
    try:
        import js
        usage = js.process.cpuUsage()
        return (usage.user + usage.system) / 1e6
    except (ImportError, AttributeError):
        return time.process_time()


def best(f, rounds):
    times = []
    for _ in range(rounds):
        start = cpu_seconds()
        result = f()
        times.append(cpu_seconds() - start)
    return min(times), result


CODECS = [
    ("gzip", 1, lambda d: gzip.compress(d, compresslevel=1, mtime=0), gzip.decompress),
    ("gzip", 6, lambda d: gzip.compress(d, compresslevel=6, mtime=0), gzip.decompress),
    ("gzip", 9, lambda d: gzip.compress(d, compresslevel=9, mtime=0), gzip.decompress),
    ("zstd", 1, lambda d: zstd.compress(d, level=1), zstd.decompress),
    ("zstd", 3, lambda d: zstd.compress(d, level=3), zstd.decompress),
    ("zstd", 6, lambda d: zstd.compress(d, level=6), zstd.decompress),
    ("zstd", 9, lambda d: zstd.compress(d, level=9), zstd.decompress),
]


def main():
    print("CPython %s (%s, %s), libzstd %s, %d CPUs; CPU time, best of %d runs"
          % (platform.python_version(), sys.platform, platform.machine(),
             zstd.zstd_version, CPUS, ROUNDS))
    tar, nfiles = source_tar(FILELIST)
    lib, nlib = stdlib_tar()
    payloads = [
        ("json-logs", json_logs(8 << 20), "JSON Lines request logs"),
        ("source-tar", tar, "tar of %d tracked files of the repository" % nfiles),
        ("stdlib-tar", lib, "tar of the %d .py files of CPython's standard library" % nlib),
    ]
    for name, data, what in payloads:
        print()
        print("%s: %s, %.2f MB" % (name, what, len(data) / 1e6))
        print("%-6s %5s %8s %8s %12s %12s %12s"
              % ("codec", "level", "ratio", "size MB", "compress ms", "MB/s", "decomp. ms"))
        for codec, level, comp, decomp in CODECS:
            ct, packed = best(lambda: comp(data), ROUNDS)
            dt, back = best(lambda: decomp(packed), ROUNDS)
            assert back == data, (codec, level)
            print("%-6s %5d %8.2f %8.2f %12.1f %12.1f %12.1f"
                  % (codec, level, len(data) / len(packed), len(packed) / 1e6,
                     ct * 1e3, len(data) / 1e6 / ct, dt * 1e3))


main()
