"""Prometheus text exposition (format 0.0.4), written by hand: a few counters
and one histogram need no client library.

Each worker process counts its own requests and writes them to
``<metrics_dir>/<pid>.json`` (within a quarter of a second of a request, and when it stops);
``/metrics`` on any worker sums every worker's file, so a scrape sees the whole
service whichever worker answers it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self, directory: str | None) -> None:
        self.dir = Path(directory) if directory else None
        self.requests: dict[str, int] = {}  # "route\tmethod\tstatus" → count
        self.hist: dict[str, list[float]] = {}  # route → bucket counts…, +Inf, sum
        self.errors: dict[str, int] = {}  # "route\tcode" → count
        self._dirty = False

    def observe(
        self, route: str, method: str, status: int, code: str | None, seconds: float
    ) -> None:
        key = f"{route}\t{method}\t{status}"
        self.requests[key] = self.requests.get(key, 0) + 1
        h = self.hist.get(route)
        if h is None:
            h = self.hist[route] = [0.0] * (len(BUCKETS) + 2)
        for i, b in enumerate(BUCKETS):
            if seconds <= b:
                h[i] += 1
                break
        else:
            h[len(BUCKETS)] += 1
        h[-1] += seconds
        if code:
            ekey = f"{route}\t{code}"
            self.errors[ekey] = self.errors.get(ekey, 0) + 1
        self._dirty = True

    async def keep_dumping(self, every: float = 0.25) -> None:
        """Runs in each worker: its counts reach the shared directory within
        ``every`` seconds of a request, whichever worker is scraped."""
        import asyncio

        while True:
            await asyncio.sleep(every)
            if self._dirty:
                self.dump()

    def dump(self) -> None:
        if self.dir is None:
            return
        self._dirty = False
        doc = {"requests": self.requests, "hist": self.hist, "errors": self.errors}
        tmp = self.dir / f".{os.getpid()}.tmp"
        try:
            tmp.write_text(json.dumps(doc), encoding="utf-8")
            tmp.replace(self.dir / f"{os.getpid()}.json")
        except OSError:
            pass

    def _merged(self) -> dict[str, Any]:
        docs: list[dict[str, Any]] = []
        if self.dir is not None:
            self.dump()
            for f in self.dir.glob("*.json"):
                try:
                    docs.append(json.loads(f.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    continue
        else:
            docs.append({"requests": self.requests, "hist": self.hist, "errors": self.errors})
        out: dict[str, Any] = {"requests": {}, "hist": {}, "errors": {}}
        for d in docs:
            for k, v in d["requests"].items():
                out["requests"][k] = out["requests"].get(k, 0) + v
            for k, v in d["errors"].items():
                out["errors"][k] = out["errors"].get(k, 0) + v
            for k, v in d["hist"].items():
                cur = out["hist"].setdefault(k, [0.0] * len(v))
                for i, x in enumerate(v):
                    cur[i] += x
        return out

    def render(self) -> str:
        m = self._merged()
        lines = [
            "# HELP ntpc_policy_requests_total Requests answered, by route, method and status.",
            "# TYPE ntpc_policy_requests_total counter",
        ]
        for k, v in sorted(m["requests"].items()):
            route, method, status = k.split("\t")
            labels = f'route="{route}",method="{method}",status="{status}"'
            lines.append(f"ntpc_policy_requests_total{{{labels}}} {v}")
        lines += [
            "# HELP ntpc_policy_request_duration_seconds Time from request start to response end.",
            "# TYPE ntpc_policy_request_duration_seconds histogram",
        ]
        bucket = "ntpc_policy_request_duration_seconds_bucket"
        for route, h in sorted(m["hist"].items()):
            acc = 0.0
            for i, b in enumerate(BUCKETS):
                acc += h[i]
                lines.append(f'{bucket}{{route="{route}",le="{b}"}} {int(acc)}')
            acc += h[len(BUCKETS)]
            lines.append(f'{bucket}{{route="{route}",le="+Inf"}} {int(acc)}')
            lines.append(f'ntpc_policy_request_duration_seconds_sum{{route="{route}"}} {h[-1]:.6f}')
            lines.append(
                f'ntpc_policy_request_duration_seconds_count{{route="{route}"}} {int(acc)}'
            )
        lines += [
            "# HELP ntpc_policy_errors_total Error responses, by route and stable error code.",
            "# TYPE ntpc_policy_errors_total counter",
        ]
        for k, v in sorted(m["errors"].items()):
            route, code = k.split("\t")
            lines.append(f'ntpc_policy_errors_total{{route="{route}",code="{code}"}} {v}')
        return "\n".join(lines) + "\n"
