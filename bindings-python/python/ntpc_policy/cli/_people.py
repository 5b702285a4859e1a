"""Subcommands for the people rules: mailbox sweep, account access (``account
check FILE``), parent check, permission who-can / can.

Formatting only: a file is one core call (``mailbox.sweep_file``,
``account.check_file``, ``parent.check_file``) and its result is printed as is.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import ntpc_policy as np
from ntpc_policy.cli._input import invalid, limits, read_source
from ntpc_policy.cli._output import FileView, Report, findings_text


def today_arg(text: str | None) -> str:
    """``--today``: any calendar style; the command line (an application) may
    default to the clock's Taipei date. The library never does."""
    if text:
        return text
    taipei = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.now(taipei).date().isoformat()


def read_table(path: str, policy: np.Policy, field: str = "FILE") -> bytes:
    """A CSV/TSV/JSON file's bytes, at most ``limits.import_max_bytes``."""
    return read_source(path, limits(policy)["import_max_bytes"], field)


def cmd_mailbox_sweep(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.sweep_mailbox_file(read_table(args.file, policy), today_arg(args.today), policy=policy)
    return FileView(
        "mailbox sweep",
        doc,
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


def cmd_account_access(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.check_account_file(read_table(args.file, policy), today_arg(args.today), policy=policy)
    return FileView(
        "account access",
        doc,
        [
            ("person", lambda r: r.get("person")),
            ("status", lambda r: r["status"]),
            ("access", lambda r: r["access"]),
            ("until", lambda r: r.get("access_until")),
            ("back up before", lambda r: (r.get("backup") or {}).get("before")),
            ("findings", findings_text),
        ],
    )


def _problems(r: dict[str, Any]) -> str:
    return "; ".join(f"{c['who']}: {f['message_zh']}" for c in r["contacts"] for f in c["findings"])


def cmd_parent_check(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.check_family_file(read_table(args.file, policy), policy=policy)
    return FileView(
        "parent check",
        doc,
        [
            ("student", lambda r: r.get("student")),
            ("verdict", lambda r: r["verdict"]),
            ("can register", lambda r: ", ".join(x["name"] for x in r["registrants"]) or "-"),
            ("problems", lambda r: _problems(r) or "-"),
        ],
    )


def _overrides(path: str | None, policy: np.Policy) -> list[Any] | None:
    if not path:
        return None
    import json

    data = read_table(path, policy, "--overrides")
    try:
        doc = json.loads(data)
    except RecursionError:
        raise invalid("--overrides", "JSON nested too deeply", "JSON 巢狀層數過多") from None
    except ValueError:
        raise invalid("--overrides", "not a JSON document", "不是 JSON 文件") from None
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
    res = np.who_can(args.module, args.right, _overrides(args.overrides, policy))
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
    res = np.can(person, args.app, args.right, _overrides(args.overrides, policy))
    report.add(0, None, res, ok=res["allowed"])
    return report
