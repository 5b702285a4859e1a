"""Subcommands for security operations: incident check / stats, drill rank,
audit pick, the year's work calendar.

Formatting only: a file is one core call (``incident.check_file``,
``drill.rank_file``, ``audit.pick_file``) and its result is printed as is; the
tables of statistics, rankings and picks are the result's ``total``.
"""

from __future__ import annotations

import datetime as dt

import ntpc_policy as np
from ntpc_policy.cli._files import file_answer, import_options, read_table
from ntpc_policy.cli._output import Col, FileView, label

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

DUTIES = ("notify", "review", "recover", "report")
#: Where the department's tables put a catch-all subtype: last (issue 17 §7).
OTHER = ("其他", "其它", "other")


def now_arg(text: str | None) -> str | dt.datetime:
    """``--now``: any calendar style; the command line may default to the clock."""
    return text if text else dt.datetime.now(dt.timezone.utc)


def _duty(obligation: str) -> Any:
    """A duty's status, with how late as the core wrote it (``逾時 15 小時 51 分``,
    ``late 15 h 51 min``): the duration is the ``delay_zh``/``delay`` parameter of
    the core's finding for that duty."""

    def get(r: dict[str, Any], zh: bool) -> str:
        for o in r["obligations"]:
            if o["obligation"] != obligation:
                continue
            status = o["status"]
            word = label(status, zh)
            if status in ("late", "overdue") and o.get("delay_minutes") is not None:
                code = f"incident.{status}"
                for f in r.get("findings", []):
                    p = f.get("params", {})
                    if f["code"] == code and p.get("delay_minutes") == o["delay_minutes"]:
                        return f"{word} {p['delay_zh'] if zh else p['delay']}"
            return str(word)
        return "-"

    return get


def cmd_incident_check(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = file_answer(args, "incident.check_file", {"now": now_arg(args.now)}, policy)
    return FileView(
        "incident check",
        doc,
        [
            Col("編號", "id", lambda r, zh: r["id"]),
            Col("通報單位", "unit", lambda r, zh: r["unit"], shrink=6),
            Col("等級", "level", lambda r, zh: r["level"]),
            # The durations are what a coordinator reads: cut last, and only as
            # far as the status and its first figure (a terminal under ~100 columns).
            *(Col(label(d, True), d, _duty(d), shrink=12) for d in DUTIES),
            Col("說明", "findings", lambda r, zh: r.get("findings") or [], shrink=6),
        ],
        ("筆事件", "incidents"),
    )


def other_last(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The subtypes as the core counted them (most first), with 其他 moved last."""
    return sorted(items, key=lambda s: (s.get("label") or "").strip().lower() in OTHER)


_GROUPS = {
    "month": ("月份", "month"),
    "subtype": ("子類型", "subtype"),
    "school": ("學校", "school"),
    "year": ("年度", "year"),
    "level": ("等級", "level"),
    "late": ("逾時", "late"),
    "overdue": ("逾期未完成", "overdue"),
}


def _stats_rows(stats: dict[str, Any]) -> list[tuple[None, dict[str, Any]]]:
    """The statistics of the file as (group, key, count) rows, as the core counted them."""
    rows: list[dict[str, Any]] = []
    rows += [
        {"group": "month", "key": m["roc_month"], "count": m["count"]} for m in stats["by_month"]
    ]
    rows += [
        {"group": "subtype", "key": s["label"], "count": s["count"]}
        for s in other_last(stats["by_subtype"])
    ]
    rows += [
        {"group": "school", "key": s["label"], "count": s["count"]} for s in stats["by_school"]
    ]
    rows += [{"group": "year", "key": y["roc_year"], "count": y["count"]} for y in stats["by_year"]]
    rows += [{"group": "level", "key": v["level"], "count": v["count"]} for v in stats["by_level"]]
    for group in ("late", "overdue"):
        for duty in DUTIES:
            rows.append({"group": group, "key": duty, "duty": True, "count": stats[group][duty]})
    return [(None, r) for r in rows]


def _stats_key(r: dict[str, Any], zh: bool) -> Any:
    if r.get("duty"):
        return label(r["key"], zh)
    if r["group"] == "level":
        return f"{r['key']} 級" if zh else f"level {r['key']}"
    if r["key"] is None:
        return "（未填）" if zh else "(blank)"
    return r["key"]


def cmd_incident_stats(args: argparse.Namespace, policy: np.Policy) -> FileView:
    data = read_table(args.file, policy)
    now = now_arg(args.now)
    doc = np.check_incident_file(data, now, import_options(args), policy=policy)
    view = FileView(
        "incident stats",
        doc,
        [
            Col("統計", "group", lambda r, zh: _GROUPS[r["group"]][0 if zh else 1]),
            Col("項目", "key", _stats_key, shrink=True),
            Col("件數", "count", lambda r, zh: r["count"]),
        ],
        ("筆事件", "incidents"),
        rows=_stats_rows(doc["total"]),
        number=False,
    )
    s = doc["summary"]

    def footer(zh: bool) -> str:
        n, e = s["checked"], s["errors"]
        if zh:
            return f"{n} 筆事件" + (f"，另 {e} 列無法讀取" if e else "")
        return f"{n} incidents" + (f", {e} rows could not be read" if e else "")

    view.footer_text = footer
    if args.svg or args.subtype_svg:
        # The charts take the incidents themselves.
        incidents = np.import_incidents(data, policy=policy)["records"]
        if args.svg:
            svg = np.incident_monthly_svg(incidents, now, title=args.title, policy=policy)
            view.svg.append((args.svg, "--svg", svg))
        if args.subtype_svg:
            svg = np.incident_subtype_svg(incidents, now, title=args.title, policy=policy)
            view.svg.append((args.subtype_svg, "--subtype-svg", svg))
    return view


def _lines(lines: list[int]) -> str:
    return ",".join(str(n) for n in sorted(lines)) or "-"


def cmd_drill_rank(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.rank_drill_file(
        read_table(args.file, policy), now_arg(args.now), import_options(args), policy=policy
    )
    # `#`: the lines of each school's reports.
    lines: dict[str, list[int]] = {}
    for row in doc["rows"]:
        lines.setdefault(row["result"]["school"], []).append(row["line"])
    schools = doc["total"]["schools"]
    view = FileView(
        "drill rank",
        doc,
        [
            Col("名次", "rank", lambda r, zh: r.get("rank")),
            Col("學校代碼", "school", lambda r, zh: r["school"]),
            Col("校名", "name", lambda r, zh: r.get("school_name"), shrink=True),
            Col("演練", "drills", lambda r, zh: r["drills"]),
            Col("逾時", "late", lambda r, zh: r["late"]),
            Col("逾期未報", "overdue", lambda r, zh: r["overdue"]),
            Col("累計逾時", "overtime", lambda r, zh: r["overtime_zh" if zh else "overtime"]),
        ],
        ("所學校", "schools"),
        rows=[(_lines(lines.get(s["school"], [])), s) for s in schools],
    )
    s = doc["summary"]

    def footer(zh: bool) -> str:
        late = doc["total"]["late_schools"]
        n, e = s["checked"] + s["errors"], s["errors"]
        if zh:
            return f"{len(schools)} 所學校、{n} 筆演練：{late} 校逾時" + (
                f"，{e} 筆無法讀取" if e else ""
            )
        return f"{len(schools)} schools, {n} drill reports: {late} schools late" + (
            f", {e} could not be read" if e else ""
        )

    view.footer_text = footer
    return view


def _criteria(r: dict[str, Any], zh: bool) -> str:
    from ntpc_policy.cli._output import findings_brief

    return findings_brief([c["finding"] for c in r["criteria"]], zh)


def cmd_audit_pick(args: argparse.Namespace, policy: np.Policy) -> FileView:
    schools = read_table(args.schools, policy)
    scans = read_table(args.scans, policy, "--scans") if args.scans else None
    doc = np.pick_audit_file(schools, scans, args.capacity, import_options(args), policy=policy)
    total = doc["total"]
    # `#`: each school's line in SCHOOLS.csv.
    imported = np.import_audit_schools(schools, import_options(args), policy=policy)
    line_of = {r["school"]: n for r, n in zip(imported["records"], imported["lines"])}
    rows = [(str(line_of.get(s["school"], "-")), dict(s, pick="picked")) for s in total["picked"]]
    rows += [
        (str(line_of.get(s["school"], "-")), dict(s, pick="over_capacity"))
        for s in total["over_capacity"]
    ]
    view = FileView(
        "audit pick",
        doc,
        [
            Col("順序", "order", lambda r, zh: r["order"]),
            Col("學校代碼", "school", lambda r, zh: r["school"]),
            Col("校名", "name", lambda r, zh: r.get("name"), shrink=True),
            Col("結果", "result", lambda r, zh: r["pick"], enum=True),
            Col("符合項數", "criteria met", lambda r, zh: r["criteria_met"]),
            Col("原因", "why", _criteria, shrink=True),
        ],
        ("所學校", "schools"),
        rows=rows,
    )
    s = doc["summary"]

    def footer(zh: bool) -> str:
        n, eligible = total["schools_considered"], total["eligible"]
        picked, over = len(total["picked"]), len(total["over_capacity"])
        cap = total.get("capacity")
        e = s["errors"]
        # Seed 001 §陸.三.(一): high-risk re-scan findings oblige a school to fix
        # and report back; that list is the scan ranking's, not a pick criterion.
        fix = [m["school"] for m in (total.get("scan_ranking") or {}).get("must_fix", [])]
        if zh:
            text = f"{n} 所學校：{eligible} 校符合條件，選入 {picked} 校"
            if cap is not None:
                text += f"（量能 {cap} 校），{over} 校符合但超出量能"
            text += f"；{e} 列無法讀取" if e else ""
            return text + (f"\n複掃高風險弱點須修補並回報：{'、'.join(fix)}" if fix else "")
        text = f"{n} schools: {eligible} qualify, {picked} picked"
        if cap is not None:
            text += f" (capacity {cap}), {over} qualify but are over capacity"
        text += f"; {e} rows could not be read" if e else ""
        return text + (
            f"\nmust fix re-scan findings and report back: {', '.join(fix)}" if fix else ""
        )

    view.footer_text = footer
    if args.svg:
        # The chart takes the records themselves.
        found = np.import_audit_scans(scans, policy=policy)["records"] if scans else None
        svg = np.audit_criteria_svg(
            imported["records"], found, args.capacity, title=args.title, policy=policy
        )
        view.svg.append((args.svg, "--svg", svg))
    return view


#: A work-calendar item's status on the day (schedule.on).
SCHEDULE_ZH = {"past": "已結束", "open": "進行中", "upcoming": "即將開始", "later": "尚早"}


def cmd_schedule(args: argparse.Namespace, policy: np.Policy) -> Any:
    """``schedule``: each item of the school year's security work calendar and
    where it stands on ``--today``; ``--ics`` writes the same items for Google
    Calendar (deterministic: UIDs from the items, DTSTAMP from ``--today``)."""
    from ntpc_policy.cli._output import Report

    report = Report(
        "schedule",
        [
            Col(
                "狀態",
                "status",
                lambda r, zh: SCHEDULE_ZH.get(r["status"], r["status"]) if zh else r["status"],
            ),
            Col("開始", "start", lambda r, zh: r["item"]["start"]),
            Col("結束", "end", lambda r, zh: r["item"]["end"]),
            Col(
                "項目", "item", lambda r, zh: r["item"]["title" if zh else "title_en"], shrink=True
            ),
        ],
        ("項工作", "items"),
    )
    # The command line is an application: it may default `today` to the clock
    # (Asia/Taipei). The library never does.
    today = args.today or dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    try:
        res = np.schedule_on(today, args.school_year, policy=policy)
        for i, item in enumerate(res["items"]):
            report.add(i, None, item, ok=True)
        report.extra = {k: v for k, v in res.items() if k != "items"}
        if args.ics:
            report.svg.append(
                (args.ics, "--ics", np.schedule_ics(today, args.school_year, policy=policy))
            )
    except np.PolicyError as err:
        report.add_error(0, None, err)
    return report
