"""The start of the command line PHP runs once per call, next to the bare-Python
floor (issue 17 §9), as a Markdown section for BENCHMARKS.md (`make bench`).

Each command is run as a whole process, the commands taking turns (A B C A B C
…) so a drift of the machine's speed touches all alike; the figures are the
medians of the wall time and of the CPU time (user + system, from the kernel's
accounting of the finished child). The PHP figure is one `checkPassword` call
of examples/php/NtpcPolicy.php, timed inside PHP around the call.

Then a large file at the door (issue 20): a 100,000-mailbox export swept in
each output format, with the peak memory, next to what `--json` did before the
binding wrote the text (the library's answer, then `json.dumps(indent=2)`).

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


def mailbox_export(n: int) -> bytes:
    """A mailbox export as the school admin system writes one (a fixed seed):
    ROC dates, statuses, a usage column half filled, one bad date in 97 rows."""
    import random

    rnd = random.Random(20)
    rows = ["帳號,啟用日期,最後登入,人員狀態,離職日期,使用量"]
    for i in range(n):
        status = rnd.choice(["在職", "在職", "在職", "退休", "離職"])
        login = f"{rnd.randint(108, 110)}/{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}"
        if i % 97 == 5:
            login = "110/02/30"
        left = login if status != "在職" else ""
        used = str(rnd.randint(0, 1_200_000_000)) if rnd.random() < 0.5 else ""
        rows.append(f"u{i}@ntpc.edu.tw,{rnd.randint(95, 110)}/01/01,{login},{status},{left},{used}")
    return ("\n".join(rows) + "\n").encode("utf-8")


# What `--json` did before the binding wrote the text (the library's answer as
# Python objects, then Python's indenting encoder): the reference row.
BEFORE = """
import json, sys, ntpc_policy as np
doc = np.sweep_mailbox_file(open(sys.argv[1], "rb").read(), "110/12/07")
sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\\n")
"""


def big_file(runs: int) -> list[str]:
    """A 100,000-mailbox sweep at the door: each output format as a whole
    process (wall, CPU, peak memory), medians of `runs` taking turns."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mailboxes.csv"
        path.write_bytes(mailbox_export(100_000))
        sweep = [CLI, "mailbox", "sweep", str(path), "--today", "110/12/07"]
        cases = [
            ("library answer + `json.dumps(indent=2)` (the `--json` path before)",
             [sys.executable, "-c", BEFORE, str(path)]),
            ("`ntpc-policy mailbox sweep FILE --json`", [*sweep, "--json"]),
            ("`ntpc-policy mailbox sweep FILE --jsonl`", [*sweep, "--jsonl"]),
            ("`ntpc-policy mailbox sweep FILE --csv`", [*sweep, "--csv"]),
            ("`ntpc-policy mailbox sweep FILE` (table)", sweep),
        ]  # fmt: skip
        got: list[list[tuple[float, float, float]]] = [[] for _ in cases]
        for _ in range(runs):
            for k, (_, argv) in enumerate(cases):
                got[k].append(run_once(argv, b""))
    lines = [
        "",
        "## A large file at the door: 100,000 mailboxes",
        "",
        "One export of 100,000 mailboxes (5.9 MB CSV, ROC dates, one bad row in 97)",
        f"swept through the command line; whole processes, {runs} runs taking turns, medians.",
        "`--json` is what PHP's file calls read.",
        "",
        "| command | wall s | CPU s | peak MB | × before (wall) |",
        "|---|---:|---:|---:|---:|",
    ]
    before = statistics.median(g[0] for g in got[0])
    for (name, _), g in zip(cases, got):
        w = statistics.median(x[0] for x in g)
        c = statistics.median(x[1] for x in g)
        m = statistics.median(x[2] for x in g)
        lines.append(f"| {name} | {w / 1000:.2f} | {c / 1000:.2f} | {m:.0f} | {before / w:.1f}× |")
    return lines


def run_once(argv: list[str], stdin: bytes) -> tuple[float, float, float]:
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
    # ru_maxrss is in KiB on Linux.
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024


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
            w, c, _ = run_once(argv, stdin)
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
    lines += big_file(3)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
