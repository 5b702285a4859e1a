"""A small HTTP/1.1 load client for `ntpc-policy serve`, over TCP or a Unix
socket (wrk speaks TCP only): N connections kept alive, each sending the same
POST in a loop for a duration, from its own process.

    python load.py (--socket PATH | --url http://127.0.0.1:8080) [--path /v1/password/check]
        [--body JSON] [-c 32] [-d 30] [--json]

Prints (or, with --json, writes as one JSON object) the requests sent, the 200
answers, every other outcome by kind, throughput and the latency p50/p99. A
request whose connection broke before the answer counts as `lost`; a connection
that could not be made counts as `refused` (the server no longer accepts).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urlparse

BODY = '{"password":"Xyz!2021ab","account":"wang.xiaoming"}'


async def _connect(args: argparse.Namespace) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    if args.socket:
        return await asyncio.open_unix_connection(args.socket)
    u = urlparse(args.url)
    return await asyncio.open_connection(u.hostname, u.port or 80)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length = 0
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            length = int(v)
    body = await reader.readexactly(length) if length else b""
    return status, body


async def _worker(args: argparse.Namespace, stats: dict, deadline: float, request: bytes) -> None:
    reader = writer = None
    while time.monotonic() < deadline:
        if writer is None:
            try:
                reader, writer = await _connect(args)
            except OSError:
                stats["refused"] += 1
                if args.stop_on_refused:
                    return
                await asyncio.sleep(0.05)
                continue
        t0 = time.perf_counter()
        stats["sent"] += 1
        try:
            writer.write(request)
            await writer.drain()
            status, _ = await asyncio.wait_for(_read_response(reader), args.timeout)
        except asyncio.TimeoutError:
            stats["timeout"] += 1
            writer.close()
            writer = None
            continue
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            # The connection broke before a whole answer: sent, never answered.
            stats["lost"] += 1
            writer.close()
            writer = None
            continue
        stats["latencies"].append(time.perf_counter() - t0)
        if status == 200:
            stats["ok"] += 1
        else:
            stats["status"][str(status)] = stats["status"].get(str(status), 0) + 1


async def run(args: argparse.Namespace) -> dict:
    body = args.body.encode("utf-8")
    auth = f"Authorization: Bearer {args.token}\r\n" if args.token else ""
    request = (
        f"POST {args.path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        f"{auth}Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    stats: dict = {
        "sent": 0,
        "ok": 0,
        "lost": 0,
        "refused": 0,
        "timeout": 0,
        "status": {},
        "latencies": [],
    }
    start = time.monotonic()
    deadline = start + args.duration
    await asyncio.gather(
        *(_worker(args, stats, deadline, request) for _ in range(args.connections))
    )
    elapsed = time.monotonic() - start
    lat = sorted(stats.pop("latencies"))

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 3) if lat else 0.0

    stats.update(
        connections=args.connections,
        seconds=round(elapsed, 2),
        rps=round(len(lat) / elapsed, 1),
        p50_ms=pct(0.50),
        p99_ms=pct(0.99),
    )
    return stats


def main() -> int:
    ap = argparse.ArgumentParser()
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--socket")
    where.add_argument("--url")
    ap.add_argument("--path", default="/v1/password/check")
    ap.add_argument("--body", default=BODY)
    ap.add_argument("--token")
    ap.add_argument("-c", "--connections", type=int, default=32)
    ap.add_argument("-d", "--duration", type=float, default=30.0)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--stop-on-refused", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    stats = asyncio.run(run(args))
    print(json.dumps(stats) if args.json else stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
