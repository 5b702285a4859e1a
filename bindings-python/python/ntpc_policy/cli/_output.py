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
  "params"}}``). ``line`` is the stdin (or ``-f`` file) line (``None`` for an
  argument or a ``--input json`` element).

Tables are for people (issue 17 §5): zh-TW headers and values when the locale
is Chinese (``LC_ALL``/``LC_MESSAGES``/``LANG`` ``zh_*``) or ``--lang zh``,
English otherwise; ``#`` is the line of the input; findings are summed up in one
cell (the first, most severe finding in the chosen language, and how many more)
and long cells are cut with ``…`` so a row fits the terminal (80–120 columns;
``COLUMNS`` or the terminal's width). Every detail stays in ``--json``.

``--csv`` is for a spreadsheet: headers and values in the chosen language,
every finding in full, each cell escaped against formulas and quoted once by
the core's ``import.csv_escape_cell``, CRLF line ends, written as UTF-8 with a
BOM (Excel in Taiwan then reads it right) or ``--encoding big5`` (cp950).

Exit codes: 2 if anything could not be read or judged, else 1 if something
breaks a rule, else 0 — so PHP and shell callers can branch on it.

Text from the input (cells, echoed values, messages that quote them) goes
through :func:`safe` before it reaches a terminal: control characters (ESC and
so OSC/CSI sequences, C0, DEL, C1) and bidirectional overrides are written as
escapes. ``--json`` and ``--jsonl`` carry the values unchanged.
"""

from __future__ import annotations

from ntpc_policy.cli._files import JsonText, write_bytes

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import IO, Any, Callable

    Getter = Callable[[Any, bool], Any]

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


# --- language ---------------------------------------------------------------------


def lang_of(choice: str | None = None) -> str:
    """``zh`` or ``en``: ``--lang`` when given, else the locale (``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``, the first that is set, as POSIX reads them)."""
    if choice in ("zh", "en"):
        return choice
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def message(e: dict[str, Any], zh: bool) -> str:
    """A finding's or an error's message in one language (the core's text)."""
    return str(e.get("message_zh") if zh else e.get("message_en") or "")


# The core's enumerations as people read them (zh-TW). Only columns marked as
# an enumeration are translated, so a value such as an account named `pass`
# stays itself.
LABELS_ZH = {
    "pass": "通過",
    "warn": "警告",
    "fail": "不合格",
    "national_id": "身分證",
    "resident_new": "新式居留證",
    "resident_old": "舊式居留證",
    "none": "非證號",
    "male": "男",
    "female": "女",
    "active": "使用中",
    "notice": "通知中",
    "deletable": "可刪除",
    "disabled": "已停用",
    "ok": "正常",
    "expiring_soon": "即將到期",
    "expired": "已到期",
    "must_change": "須更換",
    "enrolled": "在學",
    "transfer_gap": "轉學空窗",
    "level_change": "跨階段升學",
    "left_city": "離開本市",
    "graduated": "畢業",
    "serving": "在職",
    "retired": "退休",
    "departed": "離職",
    "manage": "管理權",
    "edit": "編輯權",
    "default": "預設",
    "override_add": "學校加入",
    "override_remove": "學校移除",
    "title_rule": "依職稱",
    "met": "如期",
    "late": "逾時",
    "open": "未到期",
    "overdue": "逾期",
    "unknown": "無法計算",
    "notify": "通報",
    "review": "審核",
    "recover": "復原",
    "report": "報告",
    "picked": "選入",
    "over_capacity": "超出量能",
}
LABELS_EN = {"override_add": "school added", "override_remove": "school removed"}


def label(value: Any, zh: bool) -> Any:
    if not isinstance(value, str):
        return value
    if zh:
        return LABELS_ZH.get(value, value)
    return LABELS_EN.get(value, value).replace("_", " ")


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


# --- columns --------------------------------------------------------------------


class Col:
    """A column: its headers, how to get its value from a result (``get(result,
    zh)``), whether the value is one of the core's enumerations (translated),
    and whether it may be cut to fit the terminal."""

    __slots__ = ("en", "enum", "get", "shrink", "zh")

    def __init__(
        self, zh: str, en: str, get: Getter, enum: bool = False, shrink: bool = False
    ) -> None:
        self.zh, self.en, self.get, self.enum, self.shrink = zh, en, get, enum, shrink

    def head(self, zh: bool) -> str:
        return self.zh if zh else self.en

    def value(self, result: Any, zh: bool) -> Any:
        v = self.get(result, zh)
        return label(v, zh) if self.enum else v


def cell(v: Any, zh: bool = False) -> str:
    """A value as a table cell."""
    if v is None:
        return "-"
    if isinstance(v, bool):
        return ("是" if v else "否") if zh else ("yes" if v else "no")
    return safe(v)


_RANK = {"violation": 0, "error": 0, "warning": 1, "info": 2}


def findings_brief(findings: list[dict[str, Any]], zh: bool) -> str:
    """The findings in one cell: how many when more than one, then the most
    severe one's message (``2 項：自訂帳號為…``); ``-`` when there are none.
    The count comes first so that cutting the cell to fit never hides it."""
    if not findings:
        return "-"
    first = min(findings, key=lambda f: _RANK.get(f.get("severity", "info"), 3))
    text = message(first, zh).rstrip("。.")
    n = len(findings)
    if n > 1:
        text = (f"{n} 項：" if zh else f"{n} findings: ") + text
    return text


def findings_full(findings: list[dict[str, Any]], zh: bool) -> str:
    """Every finding, for CSV: each code with its message."""
    return "; ".join(f"{f['code']}: {message(f, zh)}" for f in findings) if findings else ""


def findings_col(zh_head: str = "說明", en_head: str = "findings") -> Col:
    return Col(zh_head, en_head, lambda r, zh: r.get("findings") or [], shrink=True)


# --- display width --------------------------------------------------------------


# The East Asian wide ranges (CJK, kana, hangul, CJK punctuation, full-width
# forms): two columns in a terminal. A table, not `unicodedata`, so that a
# table costs no extra import at start.
_WIDE = (
    (0x1100, 0x115F),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x1F300, 0x1F64F),
    (0x20000, 0x3FFFD),
)


def _char_width(c: str) -> int:
    o = ord(c)
    if o < 0x1100:
        return 1
    return 2 if any(a <= o <= b for a, b in _WIDE) else 1


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    if s.isascii():
        return len(s)
    return sum(_char_width(c) for c in s)


def _cut(s: str, width: int) -> str:
    """At most ``width`` columns, ending in ``…`` when cut."""
    if _width(s) <= width:
        return s
    out, used = [], 0
    for c in s:
        w = _char_width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _wrap(s: str, width: int, indent: str) -> list[str]:
    """A long line broken at ``width`` columns, later lines indented."""
    lines, cur, used = [], "", 0
    for c in s:
        w = _char_width(c)
        if used + w > width and cur:
            lines.append(cur)
            cur, used = indent, len(indent)
        cur += c
        used += w
    lines.append(cur)
    return lines


def terminal_width() -> int:
    """The width to fit: ``COLUMNS``, else the terminal's, else 100; at least 80
    (a narrower terminal wraps rather than losing every column to ``…``)."""
    import os

    width = 0
    text = os.environ.get("COLUMNS", "")
    if text.isdigit():
        width = int(text)
    else:
        try:
            width = os.get_terminal_size(1).columns
        except (OSError, ValueError, AttributeError):
            width = 100
    return max(80, min(width, 500))


def write_table(
    out: IO[str],
    heads: list[str],
    rows: list[list[str] | str],
    footer: str,
    shrink: list[int] | None = None,
    width: int | None = None,
) -> None:
    """Columns padded to their widest cell, the ``shrink`` ones (a least width,
    0 for never) cut, widest first, until the row fits ``width``; a ``str`` row
    (an error) spans the line, wrapped."""
    width = width or terminal_width()
    shrink = shrink or [0] * len(heads)
    widths = [_width(h) for h in heads]
    for row in rows:
        if not isinstance(row, str):
            widths = [max(w, _width(c)) for w, c in zip(widths, row)]
    sep = 2 * (len(heads) - 1)
    floor = [min(w, max(_width(h), s)) if s else w for h, s, w in zip(heads, shrink, widths)]
    # Cut the columns with the least floor first (a name, the findings), then,
    # if need be, the others (the durations): each round, one cap for the
    # columns in play, the largest that fits.
    for limit in sorted({s for s in shrink if s}):
        if sum(widths) + sep <= width:
            break
        play = [bool(s) and s <= limit for s in shrink]
        cap = max((w for w, p in zip(widths, play) if p), default=0)
        while cap > 0:
            trial = [max(min(w, cap), f) if p else w for w, p, f in zip(widths, play, floor)]
            if sum(trial) + sep <= width or all(t == f for t, p, f in zip(trial, play, floor) if p):
                break
            cap -= 1
        widths = [max(min(w, cap), f) if p else w for w, p, f in zip(widths, play, floor)]

    def line(cells: list[str]) -> str:
        return "  ".join(_pad(_cut(c, w), w) for c, w in zip(cells, widths)).rstrip()

    out.write(line(heads) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        if isinstance(row, str):
            for part in _wrap(row, width, "    "):
                out.write(part + "\n")
        else:
            out.write(line(row) + "\n")
    out.write(f"\n{footer}\n")


# --- CSV --------------------------------------------------------------------------

ENCODINGS = {"utf-8-bom": "utf-8-sig", "utf-8": "utf-8", "big5": "cp950"}


def write_csv(
    out: IO[str], err: IO[str], heads: list[str], rows: Iterable[list[Any]], encoding: str | None
) -> None:
    """CSV for a spreadsheet. Every cell goes through the core's
    ``csv_escape_cell`` — formula-escaped (``=cmd|' /C calc'!A0`` stays text)
    and quoted once when it must be — and nothing else quotes it again.
    Written as bytes in the chosen encoding (default UTF-8 with a BOM); a
    character Big5 lacks is written as ``?`` and counted on stderr."""
    from ntpc_policy import csv_escape_cell

    def text(v: Any) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v)

    body = "".join(
        ",".join(csv_escape_cell(text(c)) for c in row) + "\r\n" for row in [heads, *rows]
    )
    codec = ENCODINGS.get(encoding or "utf-8-bom", "utf-8-sig")
    data = body.encode(codec, errors="replace")
    if codec == "cp950":
        missing = sum(1 for c in body if not _encodable(c, codec))
        if missing:
            err.write(
                f"ntpc-policy: {missing} 個字元無法以 Big5 表示，以 ? 代替 / "
                f"{missing} characters have no Big5 form and were written as ?\n"
            )
    write_bytes(out, data, codec)


def _encodable(c: str, codec: str) -> bool:
    try:
        c.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _json(doc: Any, out: IO[str], indent: int | None = None) -> None:
    import json

    out.write(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n")


def _where(line: Any) -> str:
    return "-" if line is None else str(line)


def _error_line(where: str, e: dict[str, Any], zh: bool) -> str:
    word = "錯誤" if zh else "ERROR"
    return safe(f"{where}  {word} {e.get('code')}: {message(e, zh)}")


# --- values: one record per input -------------------------------------------------


class Report:
    """The records of one command run over values, and how to print them.

    ``noun`` is what one input is, for the footer (``("個帳號", "accounts")``).
    """

    def __init__(self, command: str, columns: list[Col], noun: tuple[str, str]) -> None:
        self.command = command
        self.columns = columns
        self.noun = noun
        self.records: list[dict[str, Any]] = []
        self.extra: dict[str, Any] = {}
        self.notes: list[dict[str, Any]] = []
        self.svg: list[tuple[str, str, str]] = []
        # A verdict about the inputs as a whole (a school's quota) that fails even
        # when every record passes.
        self.failed_overall = False

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
        return EXIT_VIOLATION if s["failed"] or self.failed_overall else EXIT_OK

    def footer(self, zh: bool) -> str:
        s = self.summary()
        # A warning passes (exit 0) but is not silent: the footer says how many.
        warned = sum(
            1
            for r in self.records
            if r.get("ok") and (r.get("result") or {}).get("verdict") == "warn"
        )
        if zh:
            note = f"（含 {warned} 警告）" if warned else ""
            return (
                f"{s['total']} {self.noun[0]}：{s['passed']} 通過{note}、{s['failed']} 不合格、"
                f"{s['errors']} 錯誤"
            )
        note = f" ({warned} with warnings)" if warned else ""
        return (
            f"{s['total']} {self.noun[1]}: {s['passed']} passed{note}, {s['failed']} failed, "
            f"{s['errors']} errors"
        )

    def emit(
        self, fmt: str, out: IO[str], err: IO[str], lang: str = "en", encoding: str | None = None
    ) -> int:
        zh = lang == "zh"
        if fmt == "json":
            doc = {"command": self.command, **self.extra, "summary": self.summary()}
            if self.notes:
                doc["notes"] = self.notes
            doc["records"] = self.records
            _json(doc, out, indent=2)
            return self.exit_code()
        if fmt == "jsonl":
            for r in self.records:
                _json(r, out)
            return self.exit_code()
        write_notes(self.notes, err, zh)
        csv = fmt == "csv"
        rows: list[Any] = []
        for r in self.records:
            where = _where(r["line"] if r.get("line") is not None else r["input"] + 1)
            if "error" in r:
                e = r["error"]
                if csv:
                    blank = [""] * len(self.columns)
                    rows.append([where, *blank, f"{e['code']}: {message(e, zh)}"])
                else:
                    rows.append(_error_line(where, e, zh))
                continue
            values = [c.value(r["result"], zh) for c in self.columns]
            if csv:
                rows.append([where, *(_csv_value(v, zh) for v in values), ""])
            else:
                rows.append([where, *(_table_value(v, zh) for v in values)])
        heads = [c.head(zh) for c in self.columns]
        if csv:
            write_csv(
                out,
                err,
                ["行" if zh else "line", *heads, "錯誤" if zh else "error"],
                rows,
                encoding,
            )
        else:
            shrink = [0, *(c.shrink for c in self.columns)]
            write_table(out, ["#", *heads], rows, self.footer(zh), shrink)
        return self.exit_code()


def _table_value(v: Any, zh: bool) -> str:
    if isinstance(v, list):  # findings
        return safe(findings_brief(v, zh))
    return cell(v, zh)


def _csv_value(v: Any, zh: bool) -> Any:
    if isinstance(v, list):
        return findings_full(v, zh)
    if isinstance(v, bool):
        return ("是" if v else "否") if zh else ("yes" if v else "no")
    return v


def write_notes(notes: list[dict[str, Any]], err: IO[str], zh: bool) -> None:
    """Notes about the input as a whole (ignored columns, a value that is a
    file's path), on stderr so the table stays a table."""
    for f in notes:
        err.write(safe(f"ntpc-policy: {f['code']}: {message(f, zh)}") + "\n")


# --- files: the core's file result ------------------------------------------------


class FileView:
    """A file check's result (the core's shared file-result shape) and how to print it.

    ``rows`` are what the table shows: by default the file's judged rows, each
    ``(line, result)``; a command whose answer is an aggregate (a ranking, a
    pick) passes its own, with the lines each item came from (``"3,6"``), or
    ``number=False`` when the rows are not lines of the file (statistics).
    ``footer(zh)`` sums up what the table is about.
    """

    def __init__(
        self,
        command: str,
        doc: dict[str, Any],
        columns: list[Col],
        noun: tuple[str, str],
        rows: list[tuple[Any, Any]] | None = None,
        number: bool = True,
    ) -> None:
        self.command = command
        self.doc = doc
        self.columns = columns
        self.noun = noun
        if isinstance(doc, JsonText):
            rows = []  # printed as the core's text: no table
        elif rows is None:
            rows = [(r["line"], r["result"]) for r in doc.get("rows", [])]
        self.rows = rows
        self.number = number
        self.footer_text: Callable[[bool], str] | None = None
        self.svg: list[tuple[str, str, str]] = []

    def exit_code(self) -> int:
        """The core's rule: 2 with errors, else 1 when the verdict is ``fail``, else 0."""
        doc = self.doc
        s = doc.summary if isinstance(doc, JsonText) else doc["summary"]
        if s["errors"]:
            return EXIT_ERROR
        return EXIT_VIOLATION if s["verdict"] == "fail" else EXIT_OK

    def footer(self, zh: bool) -> str:
        if self.footer_text is not None:
            return self.footer_text(zh)
        s = self.doc["summary"]
        n = s["checked"] + s["errors"]
        if zh:
            return (
                f"{n} {self.noun[0]}：{s['passed']} 通過、{s['warned']} 警告、"
                f"{s['failed']} 不合格、{s['errors']} 無法讀取"
            )
        return (
            f"{n} {self.noun[1]}: {s['passed']} passed, {s['warned']} warned, "
            f"{s['failed']} failed, {s['errors']} could not be read"
        )

    def _in_order(self) -> list[tuple[Any, Any, bool]]:
        """Rows and errors together, in file order."""
        items: list[tuple[Any, Any, bool]] = [(ln, r, False) for ln, r in self.rows]
        items += [(e.get("line"), e, True) for e in self.doc.get("errors", [])]

        def key(x: tuple[Any, Any, bool]) -> tuple[bool, int]:
            first = str(x[0]).split(",")[0] if x[0] is not None else ""
            return (first.isdigit(), int(first) if first.isdigit() else 0)

        if all(isinstance(x[0], int) or x[0] is None for x in items):
            items.sort(key=key)
        return items

    def emit(
        self, fmt: str, out: IO[str], err: IO[str], lang: str = "en", encoding: str | None = None
    ) -> int:
        zh = lang == "zh"
        if isinstance(self.doc, JsonText):  # fmt is json or jsonl (file_answer)
            write_bytes(out, self.doc.data)
            return self.exit_code()
        if fmt == "json":
            _json(self.doc, out, indent=2)
            return self.exit_code()
        if fmt == "jsonl":
            for r in self.doc.get("rows", []):
                _json(r, out)
            for e in self.doc.get("errors", []):
                _json({"line": e.get("line"), "sheet": e.get("sheet"), "error": e}, out)
            return self.exit_code()
        csv = fmt == "csv"
        rows: list[Any] = []
        lead = 1 if self.number or csv else 0
        for line, item, is_error in self._in_order():
            where = [_where(line)] if lead else []
            if is_error:
                if csv:
                    blank = [""] * len(self.columns)
                    rows.append([*where, *blank, f"{item.get('code')}: {message(item, zh)}"])
                else:
                    rows.append(_error_line(_where(line), item, zh))
                continue
            values = [c.value(item, zh) for c in self.columns]
            if csv:
                rows.append([*where, *(_csv_value(v, zh) for v in values), ""])
            else:
                rows.append([*where, *(_table_value(v, zh) for v in values)])
        heads = [c.head(zh) for c in self.columns]
        if csv:
            first = ["行" if zh else "line"] if lead else []
            write_csv(out, err, [*first, *heads, "錯誤" if zh else "error"], rows, encoding)
            write_notes(self.doc.get("findings", []), err, zh)
            return self.exit_code()
        first = ["#"] if lead else []
        shrink = [0] * lead + [c.shrink for c in self.columns]
        write_table(out, [*first, *heads], rows, self.footer(zh), shrink)
        # What concerns the file as a whole (e.g. columns nobody reads) goes to
        # stderr, so the table stays a table.
        write_notes(self.doc.get("findings", []), err, zh)
        return self.exit_code()


def print_error(e: dict[str, Any], fmt: str | None, out: IO[str], err: IO[str]) -> int:
    """A whole-command error: JSON ``{"error": …}`` in JSON modes, else one stderr line."""
    if fmt in ("json", "jsonl"):
        _json({"error": e}, out)
    else:
        err.write(safe(f"ntpc-policy: {e['code']}: {e['message_zh']} / {e['message_en']}") + "\n")
    return EXIT_ERROR
