#!/usr/bin/env python3
"""A keep-alive soak against a talentdex on loopback: --connections clients for --seconds, each
sending the next request of a mixed list as soon as the last is answered. Reports requests,
errors (non-2xx/3xx or broken connections), latency p50/p99 and the server's RSS growth.

    python3 scripts/attack/soak.py --port 8080 --pid $(pgrep -n talentdex) --connections 256 --seconds 60
"""
import argparse
import asyncio
import time

from common import loopback, rss_kib

PATHS = [
    "/healthz",
    "/api/posts/6",
    "/api/search?q=%E8%8A%AF%E7%89%87",
    "/api/search?q=chip+design&limit=5",
    "/api/clauses/bj2022-a1/2.8",
    "/api/resolve?cite=%E9%99%84%E4%BB%B61%E7%AC%AC%E4%BA%8C%E6%9D%A1%E7%AC%AC8%E9%A1%B9",
    "/search?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD",
    "/",
]


async def client(host, port, deadline, latencies, errors, offset):
    i = offset
    reader = writer = None
    while time.monotonic() < deadline:
        path = PATHS[i % len(PATHS)]
        i += 1
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            status = int(head.split(b" ", 2)[1])
            length = 0
            chunked = False
            for line in head.split(b"\r\n"):
                low = line.lower()
                if low.startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if low.startswith(b"transfer-encoding:") and b"chunked" in low:
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readuntil(b"\r\n")).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            else:
                await reader.readexactly(length)
            latencies.append(time.monotonic() - started)
            if status >= 400:
                errors[status] = errors.get(status, 0) + 1
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as e:
            errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run(a, host):
    latencies, errors = [], {}
    deadline = time.monotonic() + a.seconds
    await asyncio.gather(*(client(host, a.port, deadline, latencies, errors, i) for i in range(a.connections)))
    return latencies, errors


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--connections", type=int, default=256)
    p.add_argument("--seconds", type=float, default=60)
    a = p.parse_args()
    host = loopback(a.host)
    before = rss_kib(a.pid)
    latencies, errors = asyncio.run(run(a, host))
    after = rss_kib(a.pid)
    latencies.sort()
    q = lambda f: latencies[min(len(latencies) - 1, int(f * len(latencies)))] * 1000
    print(f"{len(latencies)} answers in {a.seconds:.0f} s ({len(latencies) / a.seconds:.0f}/s) over {a.connections} connections")
    print(f"latency p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"errors: {sum(errors.values())} {errors}")
    print(f"server RSS: before {before} KiB, after {after} KiB, growth {100 * (after - before) / before:.1f} %")


if __name__ == "__main__":
    main()
