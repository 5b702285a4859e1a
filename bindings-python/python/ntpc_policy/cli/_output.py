"""Output for the command line: a readable table, ``--json`` or ``--jsonl``.

Every command produces *records*: one per input, each either a result
(``{"input": n, "line": n, "ok": bool, "result": {...}}``) or an error
(``{"input": n, "line": n, "error": {"code", "message_zh", "message_en", "params"}}``).
The exit code is 2 if any record is an error, else 1 if any result breaks a
rule, else 0 — so PHP and shell callers can branch on it.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

EXIT_OK = 0
EXIT_VIOLATION = 1
EXIT_ERROR = 2


def error_dict(err: Exception) -> dict[str, Any]:
    """A ``PolicyError`` (or any error) as a JSON-ready dict with a stable code."""
    code = getattr(err, "code", None) or "input.invalid_argument"
    return {
        "code": code,
        "message_zh": getattr(err, "message_zh", None) or str(err),
        "message_en": getattr(err, "message_en", None) or str(err),
        "params": getattr(err, "params", None) or {},
    }


@dataclass
class Report:
    """The records of one command run, and how to print them."""

    command: str
    columns: list[tuple[str, Callable[[dict[str, Any]], Any]]]
    records: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, index: int, line: int | None, result: dict[str, Any], ok: bool) -> None:
        self.records.append({"input": index, "line": line, "ok": ok, "result": result})

    def add_error(self, index: int, line: int | None, err: Exception) -> None:
        self.records.append({"input": index, "line": line, "error": error_dict(err)})

    def add_error_dict(self, index: int, line: int | None, error: dict[str, Any]) -> None:
        """An error already in the JSON shape (a bad row of an imported file)."""
        keep = ("code", "message_zh", "message_en", "params")
        self.records.append(
            {"input": index, "line": line, "error": {k: error.get(k) for k in keep}}
        )

    def summary(self) -> dict[str, int]:
        errors = sum(1 for r in self.records if "error" in r)
        failed = sum(1 for r in self.records if "error" not in r and not r["ok"])
        return {
            "total": len(self.records),
            "passed": len(self.records) - errors - failed,
            "failed": failed,
            "errors": errors,
        }

    def exit_code(self) -> int:
        s = self.summary()
        if s["errors"]:
            return EXIT_ERROR
        return EXIT_VIOLATION if s["failed"] else EXIT_OK

    def emit(self, fmt: str, out: TextIO | None = None) -> int:
        out = out or sys.stdout
        # Bad rows of an imported file are found apart from the good ones; print
        # everything in file order.
        self.records.sort(key=lambda r: (r.get("line") is None, r.get("line") or 0))
        if fmt == "json":
            doc = {"command": self.command, **self.extra, "summary": self.summary()}
            doc["records"] = self.records
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "csv":
            self._csv(out)
        elif fmt == "jsonl":
            for r in self.records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            self._table(out)
        return self.exit_code()

    def _csv(self, out: TextIO) -> None:
        """The table as CSV for a spreadsheet; every cell goes through
        ``csv_escape_cell``, so a cell such as ``=cmd|' /C calc'!A0`` from an
        imported file cannot run as a formula."""
        import csv

        from ntpc_policy import csv_escape_cell

        w = csv.writer(out, lineterminator="\n")
        w.writerow(["line", *(name for name, _ in self.columns), "error"])
        for r in self.records:
            where = str(r["line"] if r.get("line") is not None else r["input"])
            if "error" in r:
                e = r["error"]
                cells = [where, *([""] * len(self.columns)), f"{e['code']}: {e['message_zh']}"]
            else:
                cells = [where, *(_cell(get(r["result"])) for _, get in self.columns), ""]
            w.writerow([csv_escape_cell(c) for c in cells])

    def _table(self, out: TextIO) -> None:
        heads = ["#", *(name for name, _ in self.columns)]
        rows: list[list[str]] = []
        for r in self.records:
            where = str(r["line"] if r.get("line") is not None else r["input"])
            if "error" in r:
                e = r["error"]
                rows.append([where, f"ERROR {e['code']}: {e['message_zh']} / {e['message_en']}"])
            else:
                rows.append([where, *(_cell(get(r["result"])) for _, get in self.columns)])
        widths = [_width(h) for h in heads]
        for row in rows:
            if len(row) == len(heads):
                widths = [max(w, _width(c)) for w, c in zip(widths, row)]
        out.write("  ".join(_pad(h, w) for h, w in zip(heads, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for row in rows:
            out.write("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() + "\n")
        s = self.summary()
        out.write(
            f"\n{s['total']} inputs: {s['passed']} passed, {s['failed']} failed, "
            f"{s['errors']} errors\n"
        )


def findings_text(result: dict[str, Any]) -> str:
    """The findings of a result as `code` list, zh-TW messages after."""
    fs = result.get("findings") or []
    if not fs:
        return "-"
    return "; ".join(f"{f['code']} ({f['message_zh']})" for f in fs)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return str(v)


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def read_lines(sources: Iterable[str], stdin: TextIO) -> list[tuple[int | None, str]]:
    """Values from arguments, where ``-`` means one value per stdin line.

    Returns (line number or None, value); blank lines and ``#`` comments in
    stdin are skipped but still counted, so line numbers match the file.
    """
    out: list[tuple[int | None, str]] = []
    for src in sources:
        if src == "-":
            for n, raw in enumerate(stdin, start=1):
                text = raw.rstrip("\r\n")
                if text.strip() and not text.lstrip().startswith("#"):
                    out.append((n, text))
        else:
            out.append((None, src))
    return out
