"""Subcommands for the people rules: mailbox sweep, account access (``account
check FILE``), parent check, permission who-can / can.

Formatting only: a file is one core call (``mailbox.sweep_file``,
``account.check_file``, ``parent.check_file``) and its result is printed as is.
"""

from __future__ import annotations

import datetime as dt

import ntpc_policy as np
from ntpc_policy.cli._files import file_answer, read_table
from ntpc_policy.cli._input import invalid
from ntpc_policy.cli._output import Col, FileView, Report, findings_col

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any


def today_arg(text: str | None) -> str:
    """``--today``: any calendar style; the command line (an application) may
    default to the clock's Taipei date. The library never does."""
    if text:
        return text
    taipei = dt.timezone(dt.timedelta(hours=8))
    return dt.datetime.now(taipei).date().isoformat()


def cmd_mailbox_sweep(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = file_answer(args, "mailbox.sweep_file", {"today": today_arg(args.today)}, policy)
    return FileView(
        "mailbox sweep",
        doc,
        [
            # The account is cut last (only in a terminal under ~90 columns).
            Col("帳號", "account", lambda r, zh: r["account"], shrink=16),
            Col("狀態", "state", lambda r, zh: r["state"], enum=True),
            Col("未登入", "idle days", lambda r, zh: r["days_inactive"]),
            Col("刪除日", "delete on", lambda r, zh: r["deletion_date"]),
            Col("剩餘", "left", lambda r, zh: r["days_left"]),
            Col("通知", "notice", lambda r, zh: r["notice_due_today"]),
            findings_col(),
        ],
        ("個信箱", "mailboxes"),
    )


def cmd_account_access(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = file_answer(args, "account.check_file", {"today": today_arg(args.today)}, policy)
    return FileView(
        "account access",
        doc,
        [
            Col("姓名", "person", lambda r, zh: r.get("person"), shrink=True),
            Col("狀態", "status", lambda r, zh: r["status"], enum=True),
            Col("可使用", "access", lambda r, zh: r["access"]),
            Col("可用至", "until", lambda r, zh: r.get("access_until")),
            Col("備份期限", "back up before", lambda r, zh: (r.get("backup") or {}).get("before")),
            findings_col(),
        ],
        ("人", "people"),
    )


def _problems(r: dict[str, Any], zh: bool) -> str:
    """The first problem of a family's contacts (the core's message names who),
    and how many more. A slot nobody fills (``parent.not_listed``, info) is no
    problem: a family where only the father can register passes, and says so."""
    found = [f for c in r["contacts"] for f in c["findings"] if f.get("severity") != "info"]
    if not found:
        return "-"
    from ntpc_policy.cli._output import findings_brief

    return findings_brief(found, zh)


def cmd_parent_check(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = file_answer(args, "parent.check_file", {}, policy)
    return FileView(
        "parent check",
        doc,
        [
            Col("學生", "student", lambda r, zh: r.get("student")),
            Col("結果", "verdict", lambda r, zh: r["verdict"], enum=True),
            Col(
                "可註冊",
                "can register",
                lambda r, zh: (
                    ("、" if zh else ", ").join(x["name"] for x in r["registrants"]) or "-"
                ),
            ),
            Col("問題", "problems", _problems, shrink=True),
        ],
        ("個家庭", "families"),
    )


def _json_list(path: str, policy: np.Policy, field: str) -> list[Any]:
    """A JSON file holding one record or a list of them, as a list."""
    import json

    data = read_table(path, policy, field)
    try:
        doc = json.loads(data)
    except RecursionError:
        raise invalid(field, "JSON nested too deeply", "JSON 巢狀層數過多") from None
    except ValueError:
        raise invalid(field, "not a JSON document", "不是 JSON 文件") from None
    return doc if isinstance(doc, list) else [doc]


def _overrides(path: str | None, policy: np.Policy) -> list[Any] | None:
    return _json_list(path, policy, "--overrides") if path else None


def cmd_smart_learning(args: argparse.Namespace, policy: np.Policy) -> Report:
    """``training smart-learning``: each teacher's 3 h + 3 h against 114/12/31, and
    the school's ⌈1/5⌉ quota by 111/07/31 (seed 001 §陸.一.(五)); one core call."""
    report = Report(
        "training smart-learning",
        [
            Col("教師", "teacher", lambda r, zh: r["teacher"]),
            Col("結果", "status", lambda r, zh: r["status"], enum=True),
            Col("市府課程(時)", "city h", lambda r, zh: r["city_hours"]),
            Col("平臺(時)", "platform h", lambda r, zh: r["platform_hours"]),
            findings_col(),
        ],
        ("位教師", "teachers"),
    )
    teachers = _json_list(args.file, policy, "FILE")
    try:
        res = np.smart_learning_school(teachers, today_arg(args.today), args.quota, policy=policy)
        for i, t in enumerate(res["teachers"]):
            report.add(i, None, t, ok=t["verdict"] != "fail")
        report.extra = {k: v for k, v in res.items() if k != "teachers"}
        report.notes.extend(res["findings"])
        # The school's quota overdue fails the run even when no teacher does.
        report.failed_overall = res["verdict"] == "fail"
    except np.PolicyError as err:
        report.add_error(0, None, err)
    return report


def cmd_permission_who_can(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "permission who-can",
        [
            Col("角色", "role", lambda r, zh: r["role"]),
            Col("權限", "right", lambda r, zh: r["right"], enum=True),
            Col("依據", "rule", lambda r, zh: r["rule"], enum=True),
        ],
        ("個角色", "roles"),
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
            Col("功能", "app", lambda r, zh: r["app"]),
            Col("模組", "module", lambda r, zh: r.get("module")),
            Col("權限", "right", lambda r, zh: r["right"], enum=True),
            Col("可行使", "allowed", lambda r, zh: r["allowed"]),
            Col("依據", "rule", lambda r, zh: r["rule"], enum=True),
            findings_col(),
        ],
        ("筆查詢", "queries"),
    )
    person = {"title": args.title, "roles": args.role}
    res = np.can(person, args.app, args.right, _overrides(args.overrides, policy))
    report.add(0, None, res, ok=res["allowed"])
    return report
