"""Subcommands over values: date, id check / scan, account check, password.

Formatting only: every answer comes from the ``ntpc_policy`` API.
"""

from __future__ import annotations

import sys

import ntpc_policy as np
from ntpc_policy.cli._input import (
    STDIN,
    CliError,
    bad_text,
    invalid,
    is_text,
    limits,
    read_source,
    values,
)
from ntpc_policy.cli._output import Col, Report, findings_col

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    import argparse
    from typing import Any, Callable

    from ntpc_policy.cli._input import Item


def _items(args: argparse.Namespace, policy: np.Policy, keep_blank: bool = False) -> list[Item]:
    framing = getattr(args, "input", "lines")
    files = getattr(args, "files", None) or []
    needs_stdin = framing == "json" or STDIN in args.values or bool(files)
    limit = limits(policy)["import_max_bytes"] if needs_stdin else 0
    return values(args.values, framing, limit, keep_blank, files)


def _path_notes(report: Report, args: argparse.Namespace) -> None:
    """A value that is the path of an existing file is still checked as a value
    (issue 17 §4: no silent guess), with a note saying how to read the file."""
    from ntpc_policy.cli._input import path_note

    for v in args.values:
        note = path_note(v)
        if note is not None:
            report.notes.append(note)


def _not_text(i: int) -> CliError:
    return invalid(f"stdin[{i}]", "a string is required", "須為字串")


def _each(report: Report, items: list[Item], judge: Callable[[str], tuple[Any, bool]]) -> None:
    """One record per item, in order: ``judge(value)`` → (result, ok), or the error."""
    for i, line, v in items:
        if isinstance(v, CliError):
            report.add_error(i, line, v)
        elif not isinstance(v, str):
            report.add_error(i, line, _not_text(i))
        else:
            try:
                result, ok = judge(v)
                report.add(i, line, result, ok)
            except np.PolicyError as err:
                report.add_error(i, line, err)


def _batch(report: Report, items: list[Item], judge_all: Callable[[list[str]], list[Any]]) -> list:
    """Like :func:`_each`, with one core call for every good value; returns
    (position, line, result) for the caller to add, errors already added."""
    good = [(i, line, v) for i, line, v in items if isinstance(v, str)]
    results = judge_all([v for _, _, v in good]) if good else []
    by_pos = {i: (line, r) for (i, line, _), r in zip(good, results)}
    out = []
    for i, line, v in items:
        if i in by_pos:
            out.append((i, *by_pos[i]))
        else:
            report.add_error(i, line, v if isinstance(v, CliError) else _not_text(i))
    return out


def cmd_date(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "date",
        [
            Col("西元", "gregorian", lambda r, zh: r["date"]),
            Col("時間", "time", lambda r, zh: r.get("time")),
            Col("民國", "roc", lambda r, zh: r["roc"]),
            Col("學年度", "school year", lambda r, zh: r["school_year"]),
            Col("學期", "semester", lambda r, zh: r["semester"]),
            Col(f"轉換（{args.to}）", args.to, lambda r, zh: r["formatted"]),
        ],
        ("筆日期", "dates"),
    )

    def judge(text: str) -> tuple[Any, bool]:
        parsed = np.parse_date(text)
        term = np.school_term(parsed["date"], policy=policy)
        result: dict[str, Any] = dict(parsed)
        result["roc"] = np.format_date(parsed["date"], "roc_slash")
        result["formatted"] = np.format_date(parsed["date"], args.to)
        result["school_year"] = term["school_year"]
        result["semester"] = term["semester"]
        return result, True

    _each(report, _items(args, policy), judge)
    return report


def cmd_id_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "id check",
        [
            Col("遮罩", "masked", lambda r, zh: r["masked"]),
            Col("種類", "kind", lambda r, zh: r["kind"], enum=True),
            Col("檢查碼正確", "checksum", lambda r, zh: r["checksum_valid"]),
            Col("性別", "gender", lambda r, zh: r["gender"], enum=True),
            Col(
                "地區", "area", lambda r, zh: (r["area"] or {}).get("name_zh" if zh else "name_en")
            ),
        ],
        ("筆號碼", "values"),
    )
    _path_notes(report, args)
    for i, line, info in _batch(report, _items(args, policy), np.classify_ids):
        d = info.to_dict()
        report.add(i, line, d, ok=bool(d["format_valid"] and d["checksum_valid"]))
    report.records.sort(key=lambda r: r["input"])
    return report


def cmd_account_check(args: argparse.Namespace, policy: np.Policy) -> Any:
    # `account check FILE.csv` is the education-account access check of a CSV
    # export (`account access`); names are checked against the ID-number rule.
    if len(args.values) == 1 and args.values[0].lower().endswith((".csv", ".tsv")):
        from ntpc_policy.cli._people import cmd_account_access

        args.file = args.values[0]
        return cmd_account_access(args, policy)
    report = Report(
        "account check",
        [
            Col("帳號", "account", lambda r, zh: r["local_part_masked"]),
            Col("結果", "verdict", lambda r, zh: r["verdict"], enum=True),
            Col("證號格式", "id format", lambda r, zh: r["id_format"]),
            findings_col(),
        ],
        ("個帳號", "accounts"),
    )
    _path_notes(report, args)
    items = _items(args, policy)
    for i, line, res in _batch(report, items, lambda vs: np.check_accounts(vs, policy=policy)):
        report.add(i, line, res, ok=res["verdict"] != "fail")
    report.records.sort(key=lambda r: r["input"])
    return report


def cmd_password_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "password check",
        [
            Col("帳號", "account", lambda r, zh: r.get("account")),
            Col("結果", "verdict", lambda r, zh: r["verdict"], enum=True),
            Col("長度", "length", lambda r, zh: r["length"]),
            Col("字元類別", "classes", lambda r, zh: r["class_count"]),
            findings_col(),
        ],
        ("組密碼", "passwords"),
    )
    limit = limits(policy)["import_max_bytes"]
    if args.input == "json":
        return _password_objects(report, values([], "json", limit), args, policy)
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        items: list[Item] = [(0, None, getpass.getpass("Password (not shown): "))]
    else:
        # One password per line; only the line break is removed (spaces are significant).
        items = values([STDIN], "lines", limit, keep_blank=not args.tsv)
    if args.tsv:
        return _password_rows(report, items, args, policy)

    def check_all(passwords: list[str]) -> list[Any]:
        return np.check_passwords(
            passwords,
            account=args.account,
            display_name=args.display_name,
            profile=args.profile,
            policy=policy,
        )

    for i, line, res in _batch(report, items, check_all):
        report.add(i, line, res, ok=res["verdict"] != "fail")
    report.records.sort(key=lambda r: r["input"])
    return report


def _check_one(
    report: Report, i: int, line: int | None, pw: Any, ctx: dict[str, Any], args: Any, policy: Any
) -> None:
    try:
        res = np.check_password(
            pw,
            account=ctx.get("account"),
            display_name=ctx.get("display_name"),
            profile=args.profile,
            policy=policy,
        )
    except np.PolicyError as err:
        report.add_error(i, line, err)
        return
    d: dict[str, Any] = dict(res)
    if ctx.get("account") is not None:
        d["account"] = ctx["account"]
    report.add(i, line, d, ok=d["verdict"] != "fail")


def _password_rows(
    report: Report, items: list[Item], args: argparse.Namespace, policy: np.Policy
) -> Report:
    """``--tsv``: each line is ``account<TAB>password`` (bulk audits of exported accounts)."""
    for i, line, raw in items:
        if isinstance(raw, CliError):
            report.add_error(i, line, raw)
            continue
        account, sep, pw = raw.partition("\t")
        if not sep:
            report.add_error(
                i, line, invalid("line", "expected account<TAB>password", "須為 帳號<TAB>密碼")
            )
            continue
        ctx = {"account": account, "display_name": args.display_name}
        _check_one(report, i, line, pw, ctx, args, policy)
    return report


def _password_objects(
    report: Report, items: list[Item], args: argparse.Namespace, policy: np.Policy
) -> Report:
    """``--input json``: each element is a password, or an object
    ``{"password", "account", "display_name"}`` (every value as data, none in argv)."""
    for i, _, v in items:
        ctx = {"account": args.account, "display_name": args.display_name}
        if isinstance(v, dict):
            pw = v.get("password")
            for key in ("account", "display_name"):
                if isinstance(v.get(key), str):
                    ctx[key] = v[key]
            unknown = set(v) - {"password", "account", "display_name"}
            bad_field = any(v.get(k) is not None and not isinstance(v[k], str) for k in v)
            if unknown or bad_field or not isinstance(pw, str):
                report.add_error(
                    i,
                    None,
                    invalid(
                        f"stdin[{i}]",
                        'an object {"password": str, "account": str, "display_name": str}',
                        "須為物件 {password, account, display_name}（字串）",
                    ),
                )
                continue
        else:
            pw = v
        if isinstance(pw, CliError):
            report.add_error(i, None, pw)
        elif not isinstance(pw, str):
            report.add_error(i, None, _not_text(i))
        elif not all(is_text(s) for s in (pw, *(x for x in ctx.values() if x))):
            report.add_error(i, None, bad_text(index=i))
        else:
            _check_one(report, i, None, pw, ctx, args, policy)
    return report


def cmd_password_expiry(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "password expiry",
        [
            Col("狀態", "state", lambda r, zh: r["state"], enum=True),
            Col("到期日", "due", lambda r, zh: r["due"]),
            Col("剩餘天數", "days left", lambda r, zh: r["days_left"]),
            findings_col(),
        ],
        ("組密碼", "passwords"),
    )
    try:
        # The command line is an application: it may default `now` to the clock.
        # The library never does.
        import datetime as dt

        now = args.now if args.now else dt.datetime.now(dt.timezone.utc)
        res = np.password_expiry(
            args.last_changed, now, reset=args.reset, alerts=args.alert, policy=policy
        )
        d: dict[str, Any] = dict(res)
        report.add(0, None, d, ok=d["state"] in ("ok", "expiring_soon"))
    except np.PolicyError as err:
        report.add_error(0, None, err)
    return report


# --- id scan --------------------------------------------------------------------


class _Redacted:
    """``id scan --redact``: the redacted bytes are the output."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.svg: list[tuple[str, str, str]] = []

    def emit(self, fmt: str, out: Any, err: Any, lang: str = "en", encoding: Any = None) -> int:
        out.flush()
        out.buffer.write(self.data)
        return 0


#: Extensions ``id scan`` reads as documents (issue 21 §2), by the core's type.
DOCUMENT_KINDS = {
    "txt": "text", "text": "text", "md": "text", "csv": "csv", "tsv": "csv",
    "htm": "html", "html": "html", "xhtml": "html", "xlsx": "xlsx", "xlsm": "xlsx",
    "xls": "xls", "ods": "ods", "docx": "docx", "odt": "odt", "pdf": "pdf",
}  # fmt: skip
#: First bytes of the binary documents: zip (xlsx, ods, docx, odt), OLE2 (xls), PDF.
_BINARY = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-")


def _doc_kind(path: str, data: bytes) -> str | None:
    """The core's type for a binary document (``None``: scan as text)."""
    if not data.startswith(_BINARY):
        return None
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    kind = DOCUMENT_KINDS.get(ext, "auto")
    return "auto" if kind in ("text", "csv", "html") else kind


def _where(matches: list[dict[str, Any]]) -> str:
    shown = [f"{m['location']} {m['id']['masked']}" for m in matches[:5]]
    return "; ".join(shown) + (f"; … (+{len(matches) - 5})" if len(matches) > 5 else "")


class _FolderReport(Report):
    """``id scan --recursive``: exit 1 when any file holds an ID number, else
    2 when a file could not be read (never counted clean), else 0."""

    def exit_code(self) -> int:
        if any(not r.get("ok", True) for r in self.records if "error" not in r):
            return 1
        return 2 if any("error" in r for r in self.records) else 0


def cmd_id_scan_folder(args: argparse.Namespace, policy: np.Policy) -> Any:
    """Every document under a folder (a mirror of a school site's attachments),
    sorted by path: one record per file, a summary, exit 1 when any ID."""
    import os

    root = args.file
    if not os.path.isdir(root):
        raise CliError(
            "input.not_a_file", field="DIR", path=root, kind="not a folder", kind_zh="不是資料夾"
        )
    lim = limits(policy)
    report = _FolderReport(
        "id scan",
        [
            Col("檔案", "file", lambda r, zh: r["file"]),
            Col("類型", "kind", lambda r, zh: r["kind"]),
            Col("證號數", "IDs", lambda r, zh: len(r["matches"])),
            Col("位置", "where", lambda r, zh: _where(r["matches"]), shrink=True),
        ],
        ("個檔案", "files"),
    )
    paths = []
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            if ext in DOCUMENT_KINDS:
                paths.append(os.path.join(base, name))
    total_bytes = 0
    for i, path in enumerate(paths):
        rel = os.path.relpath(path, root)
        try:
            data = read_source(path, lim["scan_max_bytes"], "FILE")
            total_bytes += len(data)
            ext = path.rsplit(".", 1)[-1].lower()
            kind = DOCUMENT_KINDS[ext]
            if data.startswith(_BINARY) and kind in ("text", "csv", "html"):
                kind = "auto"
            options = {"html": kind == "html", "loose": args.loose}
            doc = dict(np.scan_id_document(data, kind, options, policy=policy))
        except (np.PolicyError, CliError) as err:
            report.add_error(i, None, err)
            report.records[-1]["file"] = rel
            continue
        doc["file"] = rel
        if not doc["readable"]:
            p = doc["problem"]
            report.add_error(i, None, {**p, "params": {"file": rel}})
            report.records[-1]["file"] = rel
            continue
        report.add(i, None, doc, ok=not doc["matches"])
        report.records[-1]["file"] = rel
    report.extra.update(folder=root, files=len(paths), bytes=total_bytes)
    return report


def cmd_id_scan(args: argparse.Namespace, policy: np.Policy) -> Any:
    if getattr(args, "recursive", False):
        return cmd_id_scan_folder(args, policy)
    lim = limits(policy)
    # A file may be as large as a scan accepts; stdin is text, capped like a table.
    cap = min(lim["scan_max_bytes"], lim["import_max_bytes"]) if args.file == STDIN else None
    data = read_source(args.file, cap or lim["scan_max_bytes"], "FILE")
    kind = _doc_kind(args.file, data)
    if kind is not None:
        # A workbook, Word/ODF document or PDF: a report of where each ID is
        # (cells, paragraphs, pages). Decided: --redact writes no rewritten
        # binary document; it reports like a scan (docs/workbooks.md).
        return _document_report(args, data, kind, policy)
    html = args.html or args.file.lower().endswith((".html", ".htm"))
    options = {"html": html, "loose": args.loose}
    if args.redact:
        red = np.redact_id_bytes(data, options, policy=policy)
        return _Redacted(bytes.fromhex(red["data_hex"]))
    scan = np.scan_id_bytes(data, options, policy=policy)
    report = Report(
        "id scan",
        [
            Col("欄", "column", lambda r, zh: r["column"]),
            Col("遮罩", "masked", lambda r, zh: r["masked"]),
            Col("種類", "kind", lambda r, zh: r["kind"], enum=True),
            Col("檢查碼正確", "checksum", lambda r, zh: r["checksum_valid"]),
            Col("全形", "full-width", lambda r, zh: r["fullwidth"]),
        ],
        ("個證號", "ID numbers found"),
    )
    matches = scan["matches"]
    if matches:
        # Where each match is, for people: offsets are in the decoded text's UTF-8.
        if scan["encoding"] == "utf-8":
            text = data[3:] if scan["bom"] else data
        else:
            text = np.decode_text(data)["text"].encode("utf-8")
        import bisect

        starts = [0]
        at = text.find(b"\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find(b"\n", at + 1)
        for i, m in enumerate(matches):
            d: dict[str, Any] = dict(m)
            row = bisect.bisect_right(starts, d["start"]) - 1
            d["line"] = row + 1
            d["column"] = len(text[starts[row] : d["start"]].decode("utf-8", "replace")) + 1
            # A leaked ID number is the finding a scan exists for.
            report.add(i, d["line"], d, ok=False)
    report.extra.update(bytes=len(data), encoding=scan["encoding"], bom=scan["bom"])
    return report


def _document_report(args: argparse.Namespace, data: bytes, kind: str, policy: np.Policy) -> Any:
    options = {"html": False, "loose": args.loose}
    doc = np.scan_id_document(data, kind, options, policy=policy)
    report = Report(
        "id scan",
        [
            Col("位置", "location", lambda r, zh: r["location"]),
            Col("遮罩", "masked", lambda r, zh: r["id"]["masked"]),
            Col("種類", "kind", lambda r, zh: r["id"]["kind"], enum=True),
            Col("檢查碼正確", "checksum", lambda r, zh: r["id"]["checksum_valid"]),
        ],
        ("個證號", "ID numbers found"),
    )
    if not doc["readable"]:
        # Never clean: the reason is the error of the run (exit 2).
        report.add_error(0, None, dict(doc["problem"], params={}))
    for i, m in enumerate(doc["matches"]):
        report.add(i, None, dict(m), ok=False)
    report.extra.update(
        bytes=len(data), kind=doc["kind"], readable=doc["readable"], pieces=doc["pieces"]
    )
    return report
