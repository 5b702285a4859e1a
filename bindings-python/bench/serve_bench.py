"""`ntpc-policy serve` next to the command line (issue 18), as a Markdown section
for BENCHMARKS.md (`make bench-serve`).

1. PHP per call: `NtpcPolicy::checkPassword()` over the service's Unix socket
   and over the command line, in the same PHP process, taking turns (rounds of
   a few CLI calls then many service calls) so a drift of the machine's speed
   touches both alike; medians of the time around each call (hrtime).
2. Throughput and latency of `POST /v1/password/check` at concurrency 1, 8 and
   32 for 10 s each: `wrk` over loopback TCP, and tests/serve/load.py (asyncio,
   kept-alive connections) over the Unix socket. The clients run on the same
   2 cores as the service's 2 workers, so these figures are lower bounds.

    python bindings-python/bench/serve_bench.py OUT.md [SECONDS]
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "ntpc-policy")
BODY = '{"password":"Xyz!2021ab","account":"wang.xiaoming"}'

PHP = r"""
require $argv[1];
$cli = new NtpcPolicy($argv[2]);
$svc = new NtpcPolicy($argv[2], $argv[3]);
$cli->checkPassword('warm-up', 'wang01');
$svc->checkPassword('warm-up', 'wang01');
$tc = [];
$ts = [];
for ($round = 0; $round < (int) $argv[4]; $round++) {
    for ($i = 0; $i < 3; $i++) {
        $s = hrtime(true);
        $cli->checkPassword('Aa123456', 'wang.xiaoming');
        $tc[] = (hrtime(true) - $s) / 1e6;
    }
    for ($i = 0; $i < 100; $i++) {
        $s = hrtime(true);
        $svc->checkPassword('Aa123456', 'wang.xiaoming');
        $ts[] = (hrtime(true) - $s) / 1e6;
    }
}
sort($tc);
sort($ts);
echo json_encode([
    'cli' => $tc[intdiv(count($tc), 2)], 'service' => $ts[intdiv(count($ts), 2)],
    'service_p99' => $ts[(int) (count($ts) * 0.99)],
    'cli_calls' => count($tc), 'service_calls' => count($ts),
]), "\n";
"""

WRK_LUA = f"""
wrk.method = "POST"
wrk.body = '{BODY}'
wrk.headers["Content-Type"] = "application/json"
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(*args: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [CLI, "serve", "--workers", "2", "--no-access-log", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    for _ in range(300):
        r = subprocess.run(
            ["curl", "-sf", "-o", "/dev/null", *curl_target(args)], capture_output=True
        )
        if r.returncode == 0:
            time.sleep(1)  # both workers warm
            return proc
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the service did not start")


def curl_target(args: tuple[str, ...]) -> list[str]:
    if "--socket" in args:
        return ["--unix-socket", args[args.index("--socket") + 1], "http://localhost/healthz"]
    return [f"http://127.0.0.1:{args[args.index('--port') + 1]}/healthz"]


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    assert m, text
    v = float(m.group(1))
    return {"us": v / 1000, "ms": v, "s": v * 1000}[m.group(2)]


def wrk(port: int, conns: int, seconds: int, lua: str) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t",
            str(min(conns, 2)),
            "-c",
            str(conns),
            "-d",
            f"{seconds}s",
            "-s",
            lua,
            "--latency",
            f"http://127.0.0.1:{port}/v1/password/check",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non2xx": int(bad.group(1)) if bad else 0,
        "errors": errors.group(0) if errors else "",
    }  # type: ignore[dict-item]


def load_socket(sock: str, conns: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "serve" / "load.py"),
            "--socket",
            sock,
            "-c",
            str(conns),
            "-d",
            str(seconds),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    s = json.loads(out)
    return {
        "rps": s["rps"],
        "p50": s["p50_ms"],
        "p99": s["p99_ms"],
        "non2xx": s["sent"] - s["ok"],
        "errors": "",
    }  # type: ignore[dict-item]


def main() -> None:
    out = Path(sys.argv[1])
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    tmp = Path(tempfile.mkdtemp(prefix="ntpc-bench-serve-"))
    sock = str(tmp / "ntpc-policy.sock")
    lua = tmp / "post.lua"
    lua.write_text(WRK_LUA)
    lines = [
        "## `ntpc-policy serve` (issue 18)",
        "",
        f"{os.cpu_count()} cores shared by the service (`--workers 2`) and the client. "
        "Targets: PHP per call ≥ 15× faster than the command line in the same run, "
        "median < 2 ms; ≥ 2,000 password checks/s. Load average at the start: "
        f"{os.getloadavg()[0]:.1f} (other work on the machine slows both paths alike).",
        "",
    ]
    proc = serve("--socket", sock)
    try:
        php = subprocess.run(
            ["php", "-r", PHP, str(ROOT / "examples" / "php" / "NtpcPolicy.php"), CLI, sock, "7"],
            capture_output=True,
            text=True,
            check=True,
        )
        p = json.loads(php.stdout)
        lines += [
            "| PHP `NtpcPolicy::checkPassword()` | calls | median ms | p99 ms | × faster |",
            "|---|---:|---:|---:|---:|",
            f"| command line (a process per call) | {p['cli_calls']} | {p['cli']:.1f} | | 1 |",
            f"| service, Unix socket (curl, kept alive) | {p['service_calls']} | "
            f"{p['service']:.2f} | {p['service_p99']:.2f} | {p['cli'] / p['service']:.0f} |",
            "",
            f"`POST /v1/password/check`, {seconds} s per row; medians and 99th percentiles "
            "of the time from request to whole answer.",
            "",
            "| transport (client) | concurrency | requests/s | p50 ms | p99 ms | not 200 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        rows = []
        for c in (1, 8, 32):
            r = load_socket(sock, c, seconds)
            rows.append(
                f"| Unix socket (load.py) | {c} | {r['rps']:.0f} | {r['p50']:.2f} | "
                f"{r['p99']:.2f} | {r['non2xx']} |"
            )
    finally:
        stop(proc)
    port = free_port()
    proc = serve("--port", str(port))
    try:
        for c in (1, 8, 32):
            r = wrk(port, c, seconds, str(lua))
            rows.append(
                f"| loopback TCP (wrk) | {c} | {r['rps']:.0f} | {r['p50']:.2f} | "
                f"{r['p99']:.2f} | {r['non2xx']} |"
            )
    finally:
        stop(proc)
    lines += rows
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
