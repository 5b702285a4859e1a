"""The subcommands and their arguments. Each names the function that runs it
(``module:function``), imported only when that command runs."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # (not `typing`: the command starts faster without it)
if TYPE_CHECKING:
    from typing import Any


def _values(p: argparse.ArgumentParser, metavar: str, what: str, files: bool = True) -> None:
    p.add_argument(
        "values",
        nargs="*",
        metavar=metavar,
        help=f"{what}; - reads stdin (one per line, blank and # lines skipped); "
        "a value starting with - goes after --",
    )
    if files:
        p.add_argument(
            "-f",
            "--file",
            dest="files",
            action="append",
            default=[],
            metavar="FILE",
            help="read the values from a text file, one per line (UTF-8, Big5 or UTF-16); "
            "repeatable. A value that is a file's path is checked as a value (with a warning)",
        )
    p.add_argument(
        "--input",
        choices=["lines", "json"],
        default="lines",
        help="how stdin is framed: lines (for people) or json (a JSON array, one "
        "result per element, in order; for programs)",
    )


def _capacity(text: str) -> int:
    """``--capacity``: a whole number of checks (``1e23`` or ``-1`` is a usage error)."""
    if not text.isdigit() or len(text) > 9:
        raise argparse.ArgumentTypeError("a whole number from 0 to 999999999 is required")
    return int(text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    _basic(sub, common)
    _people(sub, common)
    _secops(sub, common)
    _serve(sub, common)


def _basic(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "date",
        parents=[common],
        help="convert ROC ↔ Gregorian dates, with school year and semester",
    )
    _values(p, "DATE", "dates", files=False)
    p.add_argument("--to", default="roc_chinese", help="style to format into (default roc_chinese)")
    p.set_defaults(run="_basic:cmd_date")

    idp = sub.add_parser("id", help="ID numbers: check, scan text for them").add_subparsers(
        dest="id_command", required=True
    )
    p = idp.add_parser("check", parents=[common], help="classify ID numbers (masked in output)")
    _values(p, "VALUE", "values")
    p.set_defaults(run="_basic:cmd_id_check")
    p = idp.add_parser(
        "scan", parents=[common], help="find ID numbers in a text file, a document or a folder"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="a text file (UTF-8, UTF-16 or Big5), a document (xlsx, xls, ods, docx, odt, pdf, "
        "html), a folder with --recursive, or - for stdin",
    )
    p.add_argument(
        "--redact",
        action="store_true",
        help="write the text with every ID masked (same encoding); text, CSV and HTML only: "
        "a binary document gets the report",
    )
    p.add_argument(
        "--recursive",
        action="store_true",
        help="FILE is a folder: scan every document under it, one line per file and a summary "
        "(exit 1 when any file holds an ID number)",
    )
    p.add_argument(
        "--html", action="store_true", help="look through HTML tags (default for .html/.htm files)"
    )
    p.add_argument(
        "--loose", action="store_true", help="also find IDs written in groups (A 123 456 789)"
    )
    p.set_defaults(run="_basic:cmd_id_scan")

    acp = sub.add_parser("account", help="account names and access").add_subparsers(
        dest="account_command", required=True
    )
    p = acp.add_parser(
        "check", parents=[common], help="flag custom account names shaped like ID numbers"
    )
    _values(p, "NAME", "names, or one FILE.csv/.tsv (as `account access`)")
    p.add_argument("--today", metavar="DATE", help="with FILE.csv: the day to judge")
    p.set_defaults(run="_basic:cmd_account_check")
    p = acp.add_parser(
        "access",
        parents=[common],
        help="education-account access of students and staff from a CSV export",
    )
    p.add_argument(
        "file", metavar="FILE.csv", help="姓名,狀態,班級,異動日期,自訂帳號 (CSV/TSV; - for stdin)"
    )
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.set_defaults(run="_people:cmd_account_access")

    # The password parsers never echo an argument (see cli._Parser).
    pwp = sub.add_parser("password", help="passwords", quiet=True).add_subparsers(
        dest="password_command", required=True
    )
    p = pwp.add_parser(
        "check",
        parents=[common],
        quiet=True,
        help="check passwords read from stdin (one per line) or a no-echo prompt",
    )
    p.add_argument("--account", help="the account name (must not appear in the password)")
    p.add_argument("--display-name", help="the person's name (its parts must not appear)")
    p.add_argument("--profile", choices=["default", "ad"], help="rule set (default: policy's)")
    p.add_argument(
        "--tsv", action="store_true", help="stdin lines are account<TAB>password (bulk audits)"
    )
    p.add_argument(
        "--input",
        choices=["lines", "json"],
        default="lines",
        help="stdin framing: lines, or json: an array of passwords or of "
        '{"password", "account", "display_name"} objects (one result per element)',
    )
    p.set_defaults(run="_basic:cmd_password_check")
    p = pwp.add_parser("expiry", parents=[common], quiet=True, help="rotation state of a password")
    p.add_argument("--last-changed", required=True, metavar="DATE", help="when it last changed")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge at (default: now)")
    p.add_argument("--reset", action="store_true", help="the account was reset")
    p.add_argument(
        "--alert", action="append", default=[], metavar="DATETIME", help="abnormal-login alert"
    )
    p.set_defaults(run="_basic:cmd_password_expiry")


def _people(sub: Any, common: argparse.ArgumentParser) -> None:
    mp = sub.add_parser("mailbox", help="mailbox retention (Mail2000)").add_subparsers(
        dest="mailbox_command", required=True
    )
    p = mp.add_parser(
        "sweep", parents=[common], help="every mailbox's state on a day, with notice and delete"
    )
    p.add_argument(
        "file", metavar="FILE.csv", help="帳號,啟用日期,最後登入,人員狀態 … (CSV/TSV; - for stdin)"
    )
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.set_defaults(run="_people:cmd_mailbox_sweep")

    pp = sub.add_parser("parent", help="parent-app registration").add_subparsers(
        dest="parent_command", required=True
    )
    p = pp.add_parser(
        "check", parents=[common], help="who of each family can register, and what is missing"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help="a JSON list of family records (or one), or a table with a row per student: "
        "學號,父親姓名,父親手機,母親姓名,母親手機,… (CSV/TSV, xlsx, xls, ods; - for stdin)",
    )
    p.set_defaults(run="_people:cmd_parent_check")

    pm = sub.add_parser("permission", help="新北校園通 app/web permissions").add_subparsers(
        dest="permission_command", required=True
    )
    p = pm.add_parser("who-can", parents=[common], help="who holds a right on a module")
    p.add_argument("module", metavar="MODULE", help="app function or web module (or alias)")
    p.add_argument("right", metavar="RIGHT", help="manage / edit (管理權 / 編輯權)")
    p.add_argument("--overrides", metavar="FILE.json", help="the school's overrides")
    p.set_defaults(run="_people:cmd_permission_who_can")
    p = pm.add_parser("can", parents=[common], help="whether a person has a right")
    p.add_argument("app", metavar="APP", help="app function or web module (or alias)")
    p.add_argument("right", metavar="RIGHT", help="manage / edit (管理權 / 編輯權)")
    p.add_argument("--title", help="job title, e.g. 教務主任兼導師")
    p.add_argument("--role", action="append", default=[], help="a role held (repeatable)")
    p.add_argument("--overrides", metavar="FILE.json", help="the school's overrides")
    p.set_defaults(run="_people:cmd_permission_can")


def _secops(sub: Any, common: argparse.ArgumentParser) -> None:
    ip = sub.add_parser("incident", help="security incidents (資安事件)").add_subparsers(
        dest="incident_command", required=True
    )
    p = ip.add_parser("check", parents=[common], help="each incident's deadlines and status")
    p.add_argument("file", metavar="FILE.csv", help="the department's table (編號,通報單位,等級 …)")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge at (default: now)")
    p.set_defaults(run="_secops:cmd_incident_check")
    p = ip.add_parser("stats", parents=[common], help="counts by month, subtype, school, year")
    p.add_argument("file", metavar="FILE.csv", help="the department's table")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge lateness at")
    p.add_argument("--svg", metavar="OUT.svg", help="write the monthly bar chart")
    p.add_argument("--subtype-svg", metavar="OUT.svg", help="write the subtype chart")
    p.add_argument("--title", help="the charts' title (default: 110 年度各月份通報案件統計 …)")
    p.set_defaults(run="_secops:cmd_incident_stats")

    dp = sub.add_parser("drill", help="security drills (資安演練)").add_subparsers(
        dest="drill_command", required=True
    )
    p = dp.add_parser("rank", parents=[common], help="schools by drill overtime, longest first")
    p.add_argument("file", metavar="FILE.csv", help="學校代碼,梯次,通知時間,通報時間")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge open drills at")
    p.set_defaults(run="_secops:cmd_drill_rank")

    ap = sub.add_parser("audit", help="on-site security checks (資安實地稽核)").add_subparsers(
        dest="audit_command", required=True
    )
    p = ap.add_parser("pick", parents=[common], help="pick schools, with the criteria they met")
    p.add_argument("schools", metavar="SCHOOLS.csv", help="per-school figures")
    p.add_argument("--scans", metavar="SCANS.csv", help="vulnerability scan findings")
    p.add_argument(
        "--capacity", type=_capacity, metavar="N", help="how many checks there is time for"
    )
    p.add_argument("--svg", metavar="OUT.svg", help="write the criteria table")
    p.add_argument("--title", help="the chart's title (default: 資安健檢到校輔導選校)")
    p.set_defaults(run="_secops:cmd_audit_pick")

    tp = sub.add_parser("training", help="training duties (研習)").add_subparsers(
        dest="training_command", required=True
    )
    p = tp.add_parser(
        "smart-learning", parents=[common], help="smart-learning certification per teacher"
    )
    p.add_argument(
        "file", metavar="FILE.json", help='[{"teacher", "city_hours", "platform_hours"}, …]'
    )
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.add_argument("--quota", type=int, metavar="N", help="the school's teacher quota (員額)")
    p.set_defaults(run="_people:cmd_smart_learning")

    p = sub.add_parser(
        "schedule", parents=[common], help="the year's security work calendar (資安工作期程)"
    )
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.add_argument(
        "--school-year", type=int, metavar="N", help="ROC school year (default: today's)"
    )
    p.add_argument("--ics", metavar="OUT.ics", help="write the calendar as iCalendar (RFC 5545)")
    p.set_defaults(run="_secops:cmd_schedule")


def _serve(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="run the rules as a local HTTP/1.1 JSON service (pip install ntpc-policy[serve])",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("--socket", metavar="PATH", help="listen on a Unix socket (mode 0660)")
    where.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; any other needs --token-file)",
    )
    p.add_argument("--port", type=int, default=8080, help="TCP port (default 8080)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (one per core)")
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="a bearer token every request must carry (required off loopback)",
    )
    p.add_argument(
        "--max-body",
        type=int,
        default=16 << 20,
        metavar="BYTES",
        help="largest request body (default 16 MiB; at most limits.import_max_bytes)",
    )
    p.add_argument(
        "--read-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="headers and body must arrive within this, and an idle keep-alive "
        "connection is closed after it (default 10)",
    )
    p.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow this browser origin (repeatable; default: no CORS)",
    )
    p.add_argument("--no-access-log", action="store_true", help="no access log lines on stderr")
    p.set_defaults(run="_serve:cmd_serve")
