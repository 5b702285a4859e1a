"""Subcommands for the people rules: mailbox sweep, account check FILE, parent
check, permission who-can / can.

Formatting only: every answer comes from the ``ntpc_policy`` API.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

import ntpc_policy as np
from ntpc_policy.cli._output import Report, findings_text


def today_arg(text: str | None) -> str:
    """``--today``: any calendar style; the command line (an application) may
    default to the clock's Taipei date. The library never does."""
    if text:
        return text
    taipei = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.now(taipei).date().isoformat()


def add_import_errors(report: Report, imported: dict[str, Any]) -> None:
    """A file's bad rows, each at its line; the good rows were still read."""
    for e in imported["errors"]:
        params = {**e["params"], "header": e.get("header"), "column": e.get("column")}
        report.add_error_dict(-1, e["line"], {**e, "params": params})


def cmd_mailbox_sweep(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "mailbox sweep",
        [
            ("account", lambda r: r["account"]),
            ("state", lambda r: r["state"]),
            ("inactive days", lambda r: r["days_inactive"]),
            ("deletion date", lambda r: r["deletion_date"]),
            ("days left", lambda r: r["days_left"]),
            ("notice today", lambda r: r["notice_due_today"]),
            ("findings", findings_text),
        ],
    )
    imported = np.import_mailboxes(Path(args.file).read_bytes(), policy=policy)
    today = today_arg(args.today)
    sweep = np.sweep_mailboxes(imported["records"], today, policy=policy)
    lines = imported["lines"]
    for row in sweep["rows"]:
        status = row["status"]
        # A mailbox in use passes; one to notify, delete or disabled needs action.
        report.add(row["index"], lines[row["index"]], status, ok=status["state"] == "active")
    for e in sweep["errors"]:
        report.add_error_dict(e["index"], lines[e["index"]], e["error"])
    add_import_errors(report, imported)
    report.extra.update(
        today=sweep["today"],
        counts=sweep["counts"],
        notices=sweep["notices"],
        deletable=sweep["deletable"],
    )
    return report


def cmd_account_access(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "account check",
        [
            ("person", lambda r: r.get("person")),
            ("status", lambda r: r["status"]),
            ("access", lambda r: r["access"]),
            ("until", lambda r: r.get("access_until")),
            ("back up before", lambda r: (r.get("backup") or {}).get("before")),
            ("findings", findings_text),
        ],
    )
    imported = np.import_accounts(Path(args.file).read_bytes(), policy=policy)
    results = np.account_access_many(imported["records"], today_arg(args.today), policy=policy)
    for i, (line, res) in enumerate(zip(imported["lines"], results)):
        report.add(i, line, res, ok=res["verdict"] != "fail")
    add_import_errors(report, imported)
    return report


def cmd_parent_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "parent check",
        [
            ("student", lambda r: r.get("student")),
            ("verdict", lambda r: r["verdict"]),
            ("can register", lambda r: ", ".join(x["name"] for x in r["registrants"]) or "-"),
            (
                "problems",
                lambda r: (
                    "; ".join(
                        f"{c['who']}: {f['message_zh']}"
                        for c in r["contacts"]
                        for f in c["findings"]
                    )
                    or "-"
                ),
            ),
        ],
    )
    doc = json.loads(Path(args.file).read_text(encoding="utf-8-sig"))
    families = doc if isinstance(doc, list) else [doc]
    for i, family in enumerate(families):
        try:
            res = np.check_family(family)
            report.add(i, None, res, ok=res["verdict"] == "pass")
        except np.PolicyError as err:
            report.add_error(i, None, err)
    return report


def _overrides(path: str | None) -> list[Any] | None:
    if not path:
        return None
    doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    return doc if isinstance(doc, list) else [doc]


def cmd_permission_who_can(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "permission who-can",
        [
            ("role", lambda r: r["role"]),
            ("right", lambda r: r["right"]),
            ("rule", lambda r: r["rule"]),
        ],
    )
    res = np.who_can(args.module, args.right, _overrides(args.overrides))
    for i, holder in enumerate(res["holders"]):
        report.add(i, None, holder, ok=True)
    report.extra.update(
        app=res["app"], module=res["module"], raw=res["raw"], removed=res["removed"]
    )
    return report


def cmd_permission_can(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "permission can",
        [
            ("app", lambda r: r["app"]),
            ("module", lambda r: r.get("module")),
            ("right", lambda r: r["right"]),
            ("allowed", lambda r: r["allowed"]),
            ("rule", lambda r: r["rule"]),
            ("findings", findings_text),
        ],
    )
    person = {"title": args.title, "roles": args.role}
    res = np.can(person, args.app, args.right, _overrides(args.overrides))
    report.add(0, None, res, ok=res["allowed"])
    return report


def register(sub: Any, common: argparse.ArgumentParser, account_sub: Any) -> None:
    """Adds mailbox, parent and permission, and ``account access``."""
    mp = sub.add_parser("mailbox", help="mailbox retention (Mail2000)").add_subparsers(
        dest="mailbox_command", required=True
    )
    p = mp.add_parser(
        "sweep", parents=[common], help="every mailbox's state on a day, with notice and delete"
    )
    p.add_argument("file", metavar="FILE.csv", help="帳號,啟用日期,最後登入,人員狀態 … (CSV/TSV)")
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.set_defaults(func=cmd_mailbox_sweep)

    p = account_sub.add_parser(
        "access",
        parents=[common],
        help="education-account access of students and staff from a CSV export",
    )
    p.add_argument("file", metavar="FILE.csv", help="姓名,狀態,班級,異動日期,自訂帳號 (CSV/TSV)")
    p.add_argument("--today", metavar="DATE", help="the day to judge (default: today in Taipei)")
    p.set_defaults(func=cmd_account_access)

    pp = sub.add_parser("parent", help="parent-app registration").add_subparsers(
        dest="parent_command", required=True
    )
    p = pp.add_parser(
        "check", parents=[common], help="who of each family can register, and what is missing"
    )
    p.add_argument("file", metavar="FILE.json", help="one family record or a list of them")
    p.set_defaults(func=cmd_parent_check)

    pm = sub.add_parser("permission", help="新北校園通 app/web permissions").add_subparsers(
        dest="permission_command", required=True
    )
    p = pm.add_parser("who-can", parents=[common], help="who holds a right on a module")
    p.add_argument("module", metavar="MODULE", help="app function or web module (or alias)")
    p.add_argument("right", metavar="RIGHT", help="manage / edit (管理權 / 編輯權)")
    p.add_argument("--overrides", metavar="FILE.json", help="the school's overrides")
    p.set_defaults(func=cmd_permission_who_can)
    p = pm.add_parser("can", parents=[common], help="whether a person has a right")
    p.add_argument("app", metavar="APP", help="app function or web module (or alias)")
    p.add_argument("right", metavar="RIGHT", help="manage / edit (管理權 / 編輯權)")
    p.add_argument("--title", help="job title, e.g. 教務主任兼導師")
    p.add_argument("--role", action="append", default=[], help="a role held (repeatable)")
    p.add_argument("--overrides", metavar="FILE.json", help="the school's overrides")
    p.set_defaults(func=cmd_permission_can)
