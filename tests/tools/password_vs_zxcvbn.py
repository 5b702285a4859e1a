#!/usr/bin/env python3
"""zxcvbn side by side with ntpc-policy on the weak-password evaluation sets
(issue 22): flagged rates and time per password. Writes a Markdown fragment.

zxcvbn flags a password when its score is 2 or less (fewer than 10^8 guesses), as
in the issue's measurement. ntpc-policy's rates come from the Rust test
`core/tests/password_detection.rs` (run by this script unless --ours gives its
JSON); its speed is criterion's (`cargo bench ... -- password`), read from
target/criterion when present.

    python3 -m venv /tmp/zx && /tmp/zx/bin/pip install zxcvbn==4.5.0
    /tmp/zx/bin/python tests/tools/password_vs_zxcvbn.py [OUT.md] [--ours rates.json]
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zxcvbn import zxcvbn

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "passwords"
SETS = [
    ("a_heldout", "A′: common passwords dressed, base words held out (ranks 10,001–20,000)"),
    ("a_top", "A: the 510 most common passwords dressed (as in the issue)"),
    ("b_taiwan", "B′: Taiwan-typical (Zhuyin phrases, names + birthdays, org + years, walks)"),
    ("random_strong", "1,000 random strong (12 characters, uniform over the four classes)"),
]
TARGETS = {"a_heldout": "≥ 95 %", "a_top": "≥ 95 %", "b_taiwan": "≥ 90 %", "random_strong": "≤ 1 %"}


def passwords(name: str) -> list[str]:
    doc = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return [p if isinstance(p, str) else p["password"] for p in doc["passwords"]]


def zxcvbn_rates() -> tuple[dict[str, float], dict[str, float], float]:
    """Rates of score <= 2 (the issue's criterion) and <= 3, and seconds per password."""
    rates2, rates3, total_time, total_n = {}, {}, 0.0, 0
    for name, _ in SETS:
        pws = passwords(name)
        flagged2 = flagged3 = 0
        start = time.perf_counter()
        for p in pws:
            score = zxcvbn(p)["score"]
            flagged2 += score <= 2
            flagged3 += score <= 3
        total_time += time.perf_counter() - start
        total_n += len(pws)
        rates2[name] = 100.0 * flagged2 / len(pws)
        rates3[name] = 100.0 * flagged3 / len(pws)
    return rates2, rates3, total_time / total_n


def python_binding_secs() -> float | None:
    """Seconds per password of ntpc_policy.check_password (the Python binding, the
    full check) over the same sets, after one warm-up call (the lists load once)."""
    try:
        import ntpc_policy
    except ImportError:
        return None
    pws = [p for name, _ in SETS for p in passwords(name)]
    ntpc_policy.check_password("warm-up")
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for p in pws:
            ntpc_policy.check_password(p)
        secs = (time.perf_counter() - start) / len(pws)
        best = secs if best is None else min(best, secs)
    return best


def our_rates(path: str | None) -> dict[str, float]:
    if path:
        return json.loads(Path(path).read_text())
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "rates.json"
        env = dict(os.environ, PASSWORD_DETECTION_JSON=str(out))
        subprocess.run(
            [
                "cargo",
                "test",
                "-q",
                "-p",
                "ntpc-policy",
                "--release",
                "--test",
                "password_detection",
                "detection_rates",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return json.loads(out.read_text())


def criterion_ns(function: str, group: str = "password") -> float | None:
    """Nanoseconds per password of one criterion row (its median)."""
    runs = criterion_runs_ns(function, group)
    return statistics.median(runs) if runs else None


def criterion_runs_ns(function: str, group: str = "password") -> list[float]:
    """The row's nanoseconds per password in each kept run (`make bench-core`
    runs these rows three times), or in criterion's last run when none were
    kept: read by the core report's own reader."""
    est = ROOT / "target" / "criterion" / group / function / "new"
    try:
        n = json.loads((est / "benchmark.json").read_text())["throughput"]["Elements"]
        return [s * 1e9 / n for s in core_report().runs(group, function)]
    except (OSError, KeyError, TypeError, ValueError):
        return []


def core_report():
    """`core/benches/report.py`, which reads criterion's estimates and the kept runs."""
    spec = importlib.util.spec_from_file_location(
        "core_report", ROOT / "core" / "benches" / "report.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rate_cell(function: str, group: str = "password") -> str:
    """`N.NN M/s`, and with several runs their median and each run's rate."""
    runs = criterion_runs_ns(function, group)
    med = statistics.median(runs)
    cell = f"{1e9 / med / 1e6:.2f} M/s"
    if len(runs) > 1:
        each = ", ".join(f"{1e9 / r / 1e6:.2f}" for r in runs)
        cell += f" (median of {len(runs)} runs: {each})"
    return cell


def main() -> None:
    args = sys.argv[1:]
    ours_json = None
    if "--ours" in args:
        i = args.index("--ours")
        ours_json = args[i + 1]
        del args[i : i + 2]
    ours = our_rates(ours_json)
    zx, zx3, zx_secs = zxcvbn_rates()
    rows = [
        "## Weak-password detection (issue 22): ntpc-policy and zxcvbn on the same sets",
        "",
        "Sets: `tests/fixtures/passwords/` (made by `tests/tools/gen_password_fixtures.py`; "
        "every password passes 8 characters and 3 of 4 classes). zxcvbn 4.5.0 (PyPI) flags "
        "score ≤ 2; ntpc-policy flags any weak-password finding (`password.common` or a "
        "detector's; default threshold 10^12.5 estimated guesses). zxcvbn's score ≤ 3 "
        "(fewer than 10^10 guesses) is shown too, closer to that threshold. Rates: "
        "`tests/tools/password_vs_zxcvbn.py`.",
        "",
        "| set | ntpc-policy | zxcvbn (score ≤ 2) | zxcvbn (score ≤ 3) | target |",
        "|---|---:|---:|---:|---|",
    ]
    for name, label in SETS:
        rows.append(
            f"| {label} | {ours[name]:.1f} % | {zx[name]:.1f} % | {zx3[name]:.1f} % "
            f"| {TARGETS[name]} |"
        )
    full = criterion_ns("check full, realistic mix")
    comp = criterion_ns("check composition only, realistic mix")
    rows += ["", "| speed | per password | passwords per second |", "|---|---:|---:|"]
    if comp:
        rows.append(
            f"| ntpc-policy, composition only (Rust core) | {comp:,.0f} ns | "
            f"{rate_cell('check composition only, realistic mix')} |"
        )
    if full:
        rows.append(
            f"| ntpc-policy, full check with detection (Rust core) | {full:,.0f} ns | "
            f"{rate_cell('check full, realistic mix')} |"
        )
    # The same on mimalloc, the allocator the Python and Node packages ship.
    full_mi = criterion_ns("check full, realistic mix", "password mimalloc")
    if full_mi:
        rows.append(
            f"| the same on mimalloc (the allocator the Python and Node packages ship) | "
            f"{full_mi:,.0f} ns | {rate_cell('check full, realistic mix', 'password mimalloc')} |"
        )
    py = python_binding_secs()
    if py:
        rows.append(
            f"| ntpc-policy from Python (`check_password`, one call each), same sets | "
            f"{py * 1e6:,.1f} µs | {1 / py:,.0f} /s → {zx_secs / py:,.0f}× zxcvbn |"
        )
    rows.append(
        f"| zxcvbn 4.5.0 (Python), same sets | {zx_secs * 1e3:,.2f} ms | {1 / zx_secs:,.0f} /s |"
    )
    rows += [
        "",
        "Target (issue 22): the core's full check at ≥ 1 M/s on the realistic mix.",
    ]
    out = "\n".join(rows) + "\n"
    if args:
        Path(args[0]).write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
