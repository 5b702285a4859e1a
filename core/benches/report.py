"""Turns criterion's estimates (target/criterion) into the core section of
BENCHMARKS.md, with the targets of issue #8. Standard library only.

    python core/benches/report.py OUT.md
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "target" / "criterion"
# `make bench-core` runs the rows closest to their targets three times and keeps
# each run's estimates here (`<group>/<function> <run>.json`).
RUNS = ROOT.parent / "bench" / "runs"


def runs(group: str, function: str) -> list[float]:
    """The benchmark's median seconds in each kept run, else in the last run."""
    kept = sorted((RUNS / group).glob(f"{function} *.json"))
    files = kept or [ROOT / group / function / "new" / "estimates.json"]
    return [json.loads(f.read_text())["median"]["point_estimate"] / 1e9 for f in files]


def rate(group: str, function: str) -> tuple[float, float, str]:
    """(median seconds, items or bytes per second, unit) of one benchmark: the
    median over its kept runs when it was run more than once."""
    d = ROOT / group / function / "new"
    bench = json.loads((d / "benchmark.json").read_text())
    secs = statistics.median(runs(group, function))
    tp = bench.get("throughput") or {}
    if "Bytes" in tp:
        return secs, tp["Bytes"] / secs, "B/s"
    n = tp.get("Elements", 1)
    return secs, n / secs, "items/s"


def linear(group: str, small: str, big: str) -> tuple[float, float, float, str]:
    """A linear-time row: (small, big seconds, big/small, the runs' ratios) —
    the ratio is the median of each run's own ratio."""
    s, b = runs(group, small), runs(group, big)
    ratios = [y / x for x, y in zip(s, b)]
    shown = ""
    if len(ratios) > 1:
        shown = f" (median of {len(ratios)} runs: " + ", ".join(f"{r:.1f}" for r in ratios) + ")"
    return statistics.median(s), statistics.median(b), statistics.median(ratios), shown


def human(r: float, unit: str) -> str:
    if unit == "B/s":
        return f"{r / 1e9:.2f} GB/s"
    return f"{r / 1e6:.1f} M/s"


def main() -> None:
    rows = []

    def add(label, group, fn, target=None, check=None, extra=""):
        secs, r, unit = rate(group, fn)
        met = "" if check is None else ("yes" if check(r) else "no")
        shown = f"{secs * 1e3:,.2f} ms" if secs >= 1e-4 else f"{secs * 1e9:,.0f} ns"
        rows.append(f"| {label} | {shown} | {human(r, unit)}{extra} | {target or ''} | {met} |")
        return r

    cls = add(
        "ID classify, 1 M mixed strings",
        "identity",
        "classify 1M mixed",
        "≥ 60 M/s",
        lambda r: r >= 60e6,
    )
    _, floor, _ = rate("identity", "floor first byte of each string")
    add(
        "  floor: read the first byte of each of the same strings",
        "identity",
        "floor first byte of each string",
        "",
        None,
        f" → classify is {cls / floor:.2f}× the floor",
    )
    add("custom-account check, 650,000 names", "identity", "check_account 650k")
    add(
        "password check, good 10-character passwords",
        "password",
        "check 10-char good",
        "≥ 10 M/s",
        lambda r: r >= 10e6,
    )
    add("password check, 10 characters, mostly with findings", "password", "check 10-char mixed")
    _, re_rate, _ = rate("scan ascii 100 MB", "regex crate")
    _, scan_rate, _ = rate("scan ascii 100 MB", "ntpc-policy scan")
    add(
        "scan, 100 MB ASCII (ID every ~2 KB)",
        "scan ascii 100 MB",
        "ntpc-policy scan",
        "≥ 4 GB/s",
        lambda r: r >= 4e9,
    )
    add(
        "  the regex crate, same text",
        "scan ascii 100 MB",
        "regex crate",
        "",
        None,
        f" → ntpc-policy is {scan_rate / re_rate:.1f}×",
    )
    _, ascii_rate, _ = rate("scan ascii 100 MB", "floor is_ascii")
    add(
        "  floor: is_ascii over the same text (one read of every byte)",
        "scan ascii 100 MB",
        "floor is_ascii",
        "",
        None,
        f" → scan is {scan_rate / ascii_rate:.2f}× the floor",
    )
    rows.append(
        f"| scan vs regex crate | | {scan_rate / re_rate:.1f}× | ≥ 8× | "
        f"{'yes' if scan_rate / re_rate >= 8 else 'no'} |"
    )
    add("scan, 20 MB full-width mixed", "scan full-width 20 MB", "ntpc-policy scan")
    add("  the regex crate, same text", "scan full-width 20 MB", "regex crate")
    add("ROC date parse", "calendar", "parse")
    # The allocation-heavy rows run twice: on the system allocator and on
    # mimalloc, the allocator the Python and Node packages ship (issue 20).
    mimalloc = (ROOT / "people mimalloc").is_dir()
    for suffix, how in [("", "")] + (
        [(" mimalloc", ", on mimalloc (as the Python and Node packages)")] if mimalloc else []
    ):
        add(
            f"mailbox sweep, 650,000 mailboxes{how}",
            f"people{suffix}",
            "mailbox sweep 650k",
            "≤ 0.5 s",
            lambda r: 650_000 / r <= 0.5,
        )
        add(f"account access check, 650,000 people{how}", f"people{suffix}", "account check 650k")
        # Issue #9: 10× the input takes about 10× the time (no quadratic path).
        t_small, t_big, ratio, shown = linear(
            f"linear{suffix}", "incident import 10000 rows", "incident import 100000 rows"
        )
        rows.append(
            f"| incident import, 10,000 → 100,000 rows{how} "
            f"| {t_small * 1e3:,.1f} → {t_big * 1e3:,.1f} ms "
            f"| {ratio:.1f}× time for 10× rows{shown} | ≤ 12× (linear) | "
            f"{'yes' if ratio <= 12 else 'no'} |"
        )
    p_small, p_big, ratio, shown = linear("linear", "password 25 chars", "password 250 chars")
    rows.append(
        f"| password check, 25 → 250 characters | {p_small * 1e9:,.0f} → {p_big * 1e9:,.0f} ns "
        f"| {ratio:.1f}× time for 10× length{shown} | ≤ 12× (linear) | "
        f"{'yes' if ratio <= 12 else 'no'} |"
    )
    out = (
        "\n".join(
            [
                "## Core (Rust, criterion)",
                "",
                "One core, `cargo bench -p ntpc-policy --bench rules` (median of criterion's "
                "samples); the rows marked mimalloc again with `--features bench-mimalloc`. The "
                "linear-time rows (and issue 22's password rows, next section) are run three "
                "times and show the median.",
                "",
                "| benchmark | median time | throughput | target | met |",
                "|---|---:|---:|---|---|",
                *rows,
            ]
        )
        + "\n"
    )
    Path(sys.argv[1]).write_text(out, encoding="utf-8") if len(sys.argv) > 1 else None
    print(out)


if __name__ == "__main__":
    main()
