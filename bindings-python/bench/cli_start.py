"""The start of the command line PHP runs once per call, next to the bare-Python
floor (issue 17 §9), as a Markdown section for BENCHMARKS.md (`make bench`).

Each command is run as a whole process, the commands taking turns (A B C A B C
…) so a drift of the machine's speed touches all alike; the figures are the
medians of the wall time and of the CPU time (user + system, from the kernel's
accounting of the finished child). The PHP figure is one `checkPassword` call
of examples/php/NtpcPolicy.php, timed inside PHP around the call.

    python bindings-python/bench/cli_start.py OUT.md [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLI = str(BIN / "ntpc-policy")

PHP = r"""
require $argv[1];
$p = new NtpcPolicy($argv[2]);
$p->checkPassword('warm-up', 'wang01');
$t = [];
for ($i = 0; $i < (int) $argv[3]; $i++) {
    $s = hrtime(true);
    $p->checkPassword('Aa123456', 'wang.xiaoming');
    $t[] = (hrtime(true) - $s) / 1e6;
}
sort($t);
echo $t[intdiv(count($t), 2)], "\n";
"""


def run_once(argv: list[str], stdin: bytes) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    assert proc.stdin is not None
    try:
        proc.stdin.write(stdin)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    out = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    cases = [
        ("`python -c pass` (the floor)", [sys.executable, "-c", "pass"], b""),
        ("`ntpc-policy date 110/12/07`", [CLI, "date", "110/12/07"], b""),
        (
            "`ntpc-policy password check --input=json --json` (PHP's call)",
            [CLI, "password", "check", "--input=json", "--json"],
            b'[{"password": "Aa123456", "account": "wang.xiaoming"}]',
        ),
        ("`ntpc-policy --help`", [CLI, "--help"], b""),
    ]
    for argv, stdin in ((c[1], c[2]) for c in cases):  # warm the page cache
        run_once(argv, stdin)
    walls: list[list[float]] = [[] for _ in cases]
    cpus: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for k, (_, argv, stdin) in enumerate(cases):
            w, c = run_once(argv, stdin)
            walls[k].append(w)
            cpus[k].append(c)
    floor_w, floor_c = statistics.median(walls[0]), statistics.median(cpus[0])
    lines = [
        "## Command-line start (PHP's door)",
        "",
        f"Each a whole process, {runs} runs taking turns; medians. The target (issue 17 §9):",
        "`ntpc-policy date 110/12/07` within 1.5× a bare Python start.",
        "",
        "| command | wall ms | × floor | CPU ms | × floor |",
        "|---|---:|---:|---:|---:|",
    ]
    for k, (name, _, _) in enumerate(cases):
        w, c = statistics.median(walls[k]), statistics.median(cpus[k])
        lines.append(f"| {name} | {w:.1f} | {w / floor_w:.2f} | {c:.1f} | {c / floor_c:.2f} |")
    php = subprocess.run(["php", "-v"], capture_output=True)
    if php.returncode == 0:
        client = str(ROOT / "examples" / "php" / "NtpcPolicy.php")
        proc = subprocess.run(
            ["php", "-r", PHP, client, CLI, str(runs)], capture_output=True, text=True
        )
        if proc.returncode == 0 and proc.stdout.strip():
            ms = float(proc.stdout.strip())
            lines.append(
                f"| PHP `NtpcPolicy::checkPassword()`, one call (median) | {ms:.1f} | "
                f"{ms / floor_w:.2f} | | |"
            )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
