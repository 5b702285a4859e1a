"""Output for the command line: a readable table, ``--json``, ``--jsonl`` or ``--csv``.

Formatting only. Two kinds of answer are printed:

- :class:`FileView`: a file check, one core call (``incident.check_file`` …).
  ``--json`` prints the core's file result unchanged; the table, CSV and JSON
  lines show its rows and errors at their lines; the footer and the exit code
  come from its ``summary``.
- :class:`Report`: values given on the command line or stdin (dates, IDs,
  account names, passwords), one *record* per input, in input order: a result
  (``{"input": n, "line": n, "ok": bool, "result": {...}}``) or an error
  (``{"input": n, "line": n, "error": {"code", "message_zh", "message_en",
  "params"}}``). ``line`` is the stdin line (``None`` for an argument or a
  ``--input json`` element).

Exit codes: 2 if anything could not be read or judged, else 1 if something
breaks a rule, else 0 — so PHP and shell callers can branch on it.

Text from the input (cells, echoed values, messages that quote them) goes
through :func:`safe` before it reaches a terminal: control characters (ESC and
so OSC/CSI sequences, C0, DEL, C1) and bidirectional overrides are written as
escapes. ``--json`` and ``--jsonl`` carry the values unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    from typing import IO, Any, Callable

    Getter = Callable[[Any], Any]
    Column = tuple[str, Getter]

EXIT_OK = 0
EXIT_VIOLATION = 1
EXIT_ERROR = 2


def error_dict(err: BaseException) -> dict[str, Any]:
    """A ``PolicyError`` as a JSON-ready dict with its stable code."""
    return {
        "code": getattr(err, "code", None) or "internal",
        "message_zh": getattr(err, "message_zh", None) or "",
        "message_en": getattr(err, "message_en", None) or "",
        "params": getattr(err, "params", None) or {},
    }


# --- terminal safety ------------------------------------------------------------

# C0 (with TAB, LF, CR), DEL, C1, line/paragraph separators and the
# bidirectional embeddings, overrides and isolates (a U+202E in a cell would
# reorder the rest of the line on screen).
_UNSAFE = {
    **{c: None for c in range(0x20)},
    0x7F: None,
    **{c: None for c in range(0x80, 0xA0)},
    **{c: None for c in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029)},
    **{c: None for c in range(0x202A, 0x202F)},
    **{c: None for c in range(0x2066, 0x206A)},
}
_ESCAPES = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _UNSAFE}


def safe(text: Any) -> str:
    """Text for a terminal: every control character written as an escape."""
    s = str(text)
    return s.translate(_ESCAPES) if any(ord(c) in _UNSAFE for c in s) else s


# --- the table ------------------------------------------------------------------


def cell(v: Any) -> str:
    """A value as a table cell."""
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return safe(v)


def findings_text(result: dict[str, Any]) -> str:
    """The findings of a result: each code with its zh-TW message."""
    fs = result.get("findings") or []
    if not fs:
        return "-"
    return "; ".join(f"{f['code']} ({f['message_zh']})" for f in fs)


def error_text(e: dict[str, Any]) -> str:
    return safe(f"ERROR {e.get('code')}: {e.get('message_zh')} / {e.get('message_en')}")


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    if s.isascii():
        return len(s)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def write_table(out: IO[str], heads: list[str], rows: list[list[str] | str], footer: str) -> None:
    """Columns padded to their widest cell; a ``str`` row (an error) spans the line."""
    widths = [_width(h) for h in heads]
    for row in rows:
        if not isinstance(row, str):
            widths = [max(w, _width(c)) for w, c in zip(widths, row)]
    out.write("  ".join(_pad(h, w) for h, w in zip(heads, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        if isinstance(row, str):
            out.write(row + "\n")
        else:
            out.write("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() + "\n")
    out.write(f"\n{footer}\n")


def write_csv(out: IO[str], heads: list[str], rows: Iterable[list[str]]) -> None:
    """CSV for a spreadsheet; every cell goes through the core's
    ``csv_escape_cell``, so a cell such as ``=cmd|' /C calc'!A0`` from an
    imported file cannot run as a formula."""
    import csv

    from ntpc_policy import csv_escape_cell

    w = csv.writer(out, lineterminator="\n")
    w.writerow(heads)
    for row in rows:
        w.writerow([csv_escape_cell(c) for c in row])


def _json(doc: Any, out: IO[str], indent: int | None = None) -> None:
    import json

    out.write(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n")


def _where(line: Any) -> str:
    return "-" if line is None else str(line)


# --- values: one record per input -------------------------------------------------


class Report:
    """The records of one command run over values, and how to print them."""

    def __init__(self, command: str, columns: list[Column]) -> None:
        self.command = command
        self.columns = columns
        self.records: list[dict[str, Any]] = []
        self.extra: dict[str, Any] = {}
        self.svg: list[tuple[str, str, str]] = []

    def add(self, index: int, line: int | None, result: dict[str, Any], ok: bool) -> None:
        self.records.append({"input": index, "line": line, "ok": ok, "result": result})

    def add_error(self, index: int, line: int | None, err: BaseException | dict[str, Any]) -> None:
        e = err if isinstance(err, dict) else error_dict(err)
        keep = ("code", "message_zh", "message_en", "params")
        self.records.append({"input": index, "line": line, "error": {k: e.get(k) for k in keep}})

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

    def emit(self, fmt: str, out: IO[str], err: IO[str] | None = None) -> int:
        if fmt == "json":
            doc = {"command": self.command, **self.extra, "summary": self.summary()}
            doc["records"] = self.records
            _json(doc, out, indent=2)
        elif fmt == "jsonl":
            for r in self.records:
                _json(r, out)
        else:
            heads = ["#", *(name for name, _ in self.columns)]
            rows: list[Any] = []
            for r in self.records:
                where = _where(r["line"] if r.get("line") is not None else r["input"] + 1)
                if "error" in r:
                    if fmt == "csv":
                        e = r["error"]
                        rows.append(
                            [where, *[""] * len(self.columns), f"{e['code']}: {e['message_zh']}"]
                        )
                    else:
                        rows.append(f"{where}  {error_text(r['error'])}")
                else:
                    cells = [cell(get(r["result"])) for _, get in self.columns]
                    rows.append([where, *cells, ""] if fmt == "csv" else [where, *cells])
            if fmt == "csv":
                write_csv(out, ["line", *heads[1:], "error"], rows)
            else:
                s = self.summary()
                footer = (
                    f"{s['total']} inputs: {s['passed']} passed, {s['failed']} failed, "
                    f"{s['errors']} errors"
                )
                write_table(out, heads, rows, footer)
        return self.exit_code()


# --- files: the core's file result ------------------------------------------------


class FileView:
    """A file check's result (the core's shared file-result shape) and how to print it.

    ``rows`` are what the table shows: by default the file's judged rows, each
    ``(line, result)``; a command whose answer is an aggregate (a ranking, a
    pick, statistics) passes its own, with ``None`` for the line.
    """

    def __init__(
        self,
        command: str,
        doc: dict[str, Any],
        columns: list[Column],
        rows: list[tuple[int | None, Any]] | None = None,
    ) -> None:
        self.command = command
        self.doc = doc
        self.columns = columns
        if rows is None:
            rows = [(r["line"], r["result"]) for r in doc.get("rows", [])]
        self.rows = rows
        self.svg: list[tuple[str, str, str]] = []

    def exit_code(self) -> int:
        """The core's rule: 2 with errors, else 1 when the verdict is ``fail``, else 0."""
        s = self.doc["summary"]
        if s["errors"]:
            return EXIT_ERROR
        return EXIT_VIOLATION if s["verdict"] == "fail" else EXIT_OK

    def _in_order(self) -> list[tuple[int | None, Any, bool]]:
        """Rows and errors together, in file order (rows without a line first)."""
        items: list[tuple[int | None, Any, bool]] = [(ln, r, False) for ln, r in self.rows]
        items += [(e.get("line"), e, True) for e in self.doc.get("errors", [])]
        items.sort(key=lambda x: (x[0] is not None, x[0] or 0))
        return items

    def emit(self, fmt: str, out: IO[str], err: IO[str]) -> int:
        if fmt == "json":
            _json(self.doc, out, indent=2)
            return self.exit_code()
        if fmt == "jsonl":
            for r in self.doc.get("rows", []):
                _json(r, out)
            for e in self.doc.get("errors", []):
                _json({"line": e.get("line"), "sheet": e.get("sheet"), "error": e}, out)
            return self.exit_code()
        heads = ["#", *(name for name, _ in self.columns)]
        rows: list[Any] = []
        for line, item, is_error in self._in_order():
            if is_error:
                if fmt == "csv":
                    msg = f"{item.get('code')}: {item.get('message_zh')}"
                    rows.append([_where(line), *[""] * len(self.columns), msg])
                else:
                    rows.append(f"{_where(line)}  {error_text(item)}")
            else:
                cells = [cell(get(item)) for _, get in self.columns]
                rows.append([_where(line), *cells, ""] if fmt == "csv" else [_where(line), *cells])
        if fmt == "csv":
            write_csv(out, ["line", *heads[1:], "error"], rows)
            return self.exit_code()
        s = self.doc["summary"]
        footer = (
            f"{s['checked']} checked: {s['passed']} passed, {s['warned']} warned, "
            f"{s['failed']} failed, {s['errors']} errors"
        )
        write_table(out, heads, rows, footer)
        # What concerns the file as a whole (e.g. columns nobody reads) goes to
        # stderr, so the table stays a table.
        for f in self.doc.get("findings", []):
            err.write(
                safe(f"ntpc-policy: {f['code']}: {f['message_zh']} / {f['message_en']}") + "\n"
            )
        return self.exit_code()


def print_error(e: dict[str, Any], fmt: str | None, out: IO[str], err: IO[str]) -> int:
    """A whole-command error: JSON ``{"error": …}`` in JSON modes, else one stderr line."""
    if fmt in ("json", "jsonl"):
        _json({"error": e}, out)
    else:
        err.write(safe(f"ntpc-policy: {e['code']}: {e['message_zh']} / {e['message_en']}") + "\n")
    return EXIT_ERROR
