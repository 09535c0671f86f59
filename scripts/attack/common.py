"""Shared helpers for the attack scripts: loopback only, read a process's RSS."""
import ipaddress
import socket


def loopback(host):
    """Refuse any target that is not a loopback address: these scripts attack only this machine."""
    addr = socket.gethostbyname(host)
    if not ipaddress.ip_address(addr).is_loopback:
        raise SystemExit(f"refusing {host} ({addr}): loopback only")
    return addr


def rss_kib(pid):
    """The resident set size of `pid` in KiB, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def get(host, port, path, timeout=5.0):
    """One GET on a fresh connection: (status, seconds) or (None, seconds) on failure."""
    import time
    started = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = s.recv(64)
            status = int(data.split(b" ")[1]) if data.startswith(b"HTTP/1.1 ") else None
            return status, time.monotonic() - started
    except OSError:
        return None, time.monotonic() - started
