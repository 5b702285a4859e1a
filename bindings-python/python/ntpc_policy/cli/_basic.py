"""Subcommands for the first rules: date, id, account, password.

Formatting only: every answer comes from the ``ntpc_policy`` API.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from typing import Any

import ntpc_policy as np
from ntpc_policy.cli._output import Report, findings_text, read_lines


def cmd_date(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "date",
        [
            ("gregorian", lambda r: r["date"]),
            ("time", lambda r: r.get("time")),
            ("roc", lambda r: r["roc"]),
            ("school year", lambda r: r["school_year"]),
            ("semester", lambda r: r["semester"]),
            (args.to, lambda r: r["formatted"]),
        ],
    )
    for i, (line, text) in enumerate(read_lines(args.values, sys.stdin)):
        try:
            parsed = np.parse_date(text)
            term = np.school_term(parsed["date"], policy=policy)
            result: dict[str, Any] = dict(parsed)
            result["roc"] = np.format_date(parsed["date"], "roc_slash")
            result["formatted"] = np.format_date(parsed["date"], args.to)
            result["school_year"] = term["school_year"]
            result["semester"] = term["semester"]
            report.add(i, line, result, ok=True)
        except np.PolicyError as err:
            report.add_error(i, line, err)
    return report


def cmd_id_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "id check",
        [
            ("masked", lambda r: r["masked"]),
            ("kind", lambda r: r["kind"]),
            ("checksum", lambda r: r["checksum_valid"]),
            ("gender", lambda r: r["gender"]),
            ("area", lambda r: (r["area"] or {}).get("name_zh")),
        ],
    )
    items = read_lines(args.values, sys.stdin)
    results = np.classify_ids([v for _, v in items])
    for i, ((line, _), info) in enumerate(zip(items, results)):
        d = info.to_dict()
        report.add(i, line, d, ok=bool(d["format_valid"] and d["checksum_valid"]))
    return report


def cmd_id_scan(args: argparse.Namespace, policy: np.Policy) -> Report:
    text = _read_text(args.file)
    if args.redact:
        sys.stdout.write(np.redact_ids(text, policy=policy))
        # Redaction is the requested output; the report goes to stderr only on a terminal.
        return Report("id scan --redact", [])
    report = Report(
        "id scan",
        [
            ("line", lambda r: r["line"]),
            ("column", lambda r: r["column"]),
            ("masked", lambda r: r["masked"]),
            ("kind", lambda r: r["kind"]),
            ("checksum", lambda r: r["checksum_valid"]),
            ("full-width", lambda r: r["fullwidth"]),
        ],
    )
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    import bisect

    for i, m in enumerate(np.scan_ids(text, policy=policy)):
        d: dict[str, Any] = dict(m)
        row = bisect.bisect_right(line_starts, d["char_start"]) - 1
        d["line"] = row + 1
        d["column"] = d["char_start"] - line_starts[row] + 1
        # A leaked ID number is the finding a scan exists for.
        report.add(i, d["line"], d, ok=False)
    report.extra["bytes"] = len(text.encode("utf-8"))
    return report


def cmd_account_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    # `account check FILE.csv` is the education-account access check of a CSV
    # export (`account access`); names are checked against the ID-number rule.
    if len(args.values) == 1 and args.values[0].lower().endswith((".csv", ".tsv")):
        from ntpc_policy.cli._people import cmd_account_access

        args.file = args.values[0]
        return cmd_account_access(args, policy)
    report = Report(
        "account check",
        [
            ("account", lambda r: r["local_part_masked"]),
            ("verdict", lambda r: r["verdict"]),
            ("id format", lambda r: r["id_format"]),
            ("findings", findings_text),
        ],
    )
    items = read_lines(args.values, sys.stdin)
    results = np.check_accounts([v for _, v in items], policy=policy)
    for i, ((line, _), res) in enumerate(zip(items, results)):
        d: dict[str, Any] = dict(res)
        report.add(i, line, d, ok=d["verdict"] != "fail")
    return report


def cmd_password_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "password check",
        [
            ("account", lambda r: r.get("account")),
            ("verdict", lambda r: r["verdict"]),
            ("length", lambda r: r["length"]),
            ("classes", lambda r: r["class_count"]),
            ("findings", findings_text),
        ],
    )
    if sys.stdin.isatty():
        passwords = [(None, getpass.getpass("Password (not shown): "))]
    else:
        # One password per line; only the line break is removed (spaces are significant).
        passwords = [(n, raw.rstrip("\r\n")) for n, raw in enumerate(sys.stdin, start=1)]
    if args.tsv:
        return _password_rows(report, passwords, args, policy)
    results = np.check_passwords(
        [p for _, p in passwords],
        account=args.account,
        display_name=args.display_name,
        profile=args.profile,
        policy=policy,
    )
    for i, ((line, _), res) in enumerate(zip(passwords, results)):
        d: dict[str, Any] = dict(res)
        report.add(i, line, d, ok=d["verdict"] != "fail")
    return report


def _password_rows(
    report: Report, rows: list[tuple[int | None, str]], args: argparse.Namespace, policy: np.Policy
) -> Report:
    """``--tsv``: each line is ``account<TAB>password`` (bulk audits of exported accounts)."""
    for i, (line, raw) in enumerate(rows):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        account, sep, pw = raw.partition("\t")
        if not sep:
            report.add_error(i, line, ValueError("expected account<TAB>password"))
            continue
        res = np.check_password(
            pw, account=account, display_name=args.display_name, profile=args.profile, policy=policy
        )
        d: dict[str, Any] = dict(res)
        d["account"] = account
        report.add(i, line, d, ok=d["verdict"] != "fail")
    return report


def cmd_password_expiry(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "password expiry",
        [
            ("state", lambda r: r["state"]),
            ("due", lambda r: r["due"]),
            ("days left", lambda r: r["days_left"]),
            ("findings", findings_text),
        ],
    )
    try:
        last = np.parse_datetime(args.last_changed)
        # The command line is an application: it may default `now` to the clock.
        # The library never does.
        now = np.parse_datetime(args.now) if args.now else dt.datetime.now(dt.timezone.utc)
        alerts = [np.parse_datetime(a) for a in args.alert]
        res = np.password_expiry(last, now, reset=args.reset, alerts=alerts, policy=policy)
        d: dict[str, Any] = dict(res)
        report.add(0, None, d, ok=d["state"] in ("ok", "expiring_soon"))
    except np.PolicyError as err:
        report.add_error(0, None, err)
    return report


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8-sig") as fh:
        return fh.read()


def register(sub: Any, common: argparse.ArgumentParser) -> Any:
    """Adds the date, id, account and password subcommands; returns the account group."""
    p = sub.add_parser(
        "date",
        parents=[common],
        help="convert ROC ↔ Gregorian dates, with school year and semester",
    )
    p.add_argument("values", nargs="+", metavar="DATE", help="dates; - reads one per stdin line")
    p.add_argument("--to", default="roc_chinese", help="style to format into (default roc_chinese)")
    p.set_defaults(func=cmd_date)

    idp = sub.add_parser("id", help="ID numbers: check, scan text for them").add_subparsers(
        dest="id_command", required=True
    )
    p = idp.add_parser("check", parents=[common], help="classify ID numbers (masked in output)")
    p.add_argument("values", nargs="+", metavar="VALUE", help="values; - reads one per stdin line")
    p.set_defaults(func=cmd_id_check)
    p = idp.add_parser("scan", parents=[common], help="find ID numbers in a text file")
    p.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
    p.add_argument("--redact", action="store_true", help="write the text with every ID masked")
    p.set_defaults(func=cmd_id_scan)

    acp = sub.add_parser("account", help="account names").add_subparsers(
        dest="account_command", required=True
    )
    p = acp.add_parser(
        "check", parents=[common], help="flag custom account names shaped like ID numbers"
    )
    p.add_argument(
        "values",
        nargs="+",
        metavar="NAME",
        help="names (- reads one per stdin line), or one FILE.csv (as `account access`)",
    )
    p.add_argument("--today", metavar="DATE", help="with FILE.csv: the day to judge")
    p.set_defaults(func=cmd_account_check)

    pwp = sub.add_parser("password", help="passwords").add_subparsers(
        dest="password_command", required=True
    )
    p = pwp.add_parser(
        "check",
        parents=[common],
        help="check passwords read from stdin (one per line) or a no-echo prompt",
    )
    p.add_argument("--account", help="the account name (must not appear in the password)")
    p.add_argument("--display-name", help="the person's name (its parts must not appear)")
    p.add_argument("--profile", choices=["default", "ad"], help="rule set (default: policy's)")
    p.add_argument(
        "--tsv", action="store_true", help="stdin lines are account<TAB>password (bulk audits)"
    )
    p.set_defaults(func=cmd_password_check)
    p = pwp.add_parser("expiry", parents=[common], help="rotation state of a password")
    p.add_argument("--last-changed", required=True, metavar="DATE", help="when it last changed")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge at (default: now)")
    p.add_argument("--reset", action="store_true", help="the account was reset")
    p.add_argument(
        "--alert", action="append", default=[], metavar="DATETIME", help="abnormal-login alert"
    )
    p.set_defaults(func=cmd_password_expiry)
    return acp
