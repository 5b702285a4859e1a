"""Subcommands for security operations: incident check / stats, drill rank,
audit pick.

Formatting only: every answer comes from the ``ntpc_policy`` API.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import ntpc_policy as np
from ntpc_policy.cli._output import Report, findings_text
from ntpc_policy.cli._people import add_import_errors


def now_arg(text: str | None) -> str | dt.datetime:
    """``--now``: any calendar style; the command line may default to the clock."""
    return text if text else dt.datetime.now(dt.timezone.utc)


def _duty(obligation: str) -> Any:
    def get(r: dict[str, Any]) -> str:
        for o in r["obligations"]:
            if o["obligation"] == obligation:
                if o["status"] == "late" and o.get("delay_minutes") is not None:
                    return f"late +{o['delay_minutes']}m"
                return str(o["status"])
        return "-"

    return get


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


def cmd_incident_check(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "incident check",
        [
            ("id", lambda r: r["id"]),
            ("unit", lambda r: r["unit"]),
            ("level", lambda r: r["level"]),
            ("regulation", lambda r: r["regulation"]),
            ("notify", _duty("notify")),
            ("review", _duty("review")),
            ("recover", _duty("recover")),
            ("report", _duty("report")),
            ("findings", findings_text),
        ],
    )
    imported = np.import_incidents(_read(args.file), policy=policy)
    now = now_arg(args.now)
    for i, (line, incident) in enumerate(zip(imported["lines"], imported["records"])):
        try:
            res = np.evaluate_incident(incident, now, policy=policy)
            report.add(i, line, res, ok=res["verdict"] != "fail")
        except np.PolicyError as err:
            report.add_error(i, line, err)
    add_import_errors(report, imported)
    return report


def cmd_incident_stats(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "incident stats",
        [
            ("group", lambda r: r["group"]),
            ("key", lambda r: r["key"]),
            ("count", lambda r: r["count"]),
        ],
    )
    imported = np.import_incidents(_read(args.file), policy=policy)
    now = now_arg(args.now)
    stats = np.incident_stats(imported["records"], now, policy=policy)
    rows: list[dict[str, Any]] = []
    rows += [
        {"group": "month", "key": m["roc_month"], "count": m["count"]} for m in stats["by_month"]
    ]
    rows += [
        {"group": "subtype", "key": s["label"], "count": s["count"]} for s in stats["by_subtype"]
    ]
    rows += [
        {"group": "school", "key": s["label"], "count": s["count"]} for s in stats["by_school"]
    ]
    rows += [{"group": "year", "key": y["roc_year"], "count": y["count"]} for y in stats["by_year"]]
    rows += [
        {"group": "level", "key": lv["level"], "count": lv["count"]} for lv in stats["by_level"]
    ]
    for duty in ("notify", "review", "recover", "report"):
        rows.append({"group": "late", "key": duty, "count": stats["late"][duty]})
        rows.append({"group": "overdue", "key": duty, "count": stats["overdue"][duty]})
    for i, row in enumerate(rows):
        report.add(i, None, row, ok=True)
    add_import_errors(report, imported)
    report.extra["stats"] = stats
    if args.svg:
        svg = np.incident_monthly_svg(imported["records"], now, policy=policy)
        args.svg_out.append((args.svg, svg))
    if args.subtype_svg:
        svg = np.incident_subtype_svg(imported["records"], now, policy=policy)
        args.svg_out.append((args.subtype_svg, svg))
    return report


def cmd_drill_rank(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "drill rank",
        [
            ("rank", lambda r: r.get("rank")),
            ("school", lambda r: r["school"]),
            ("name", lambda r: r.get("school_name")),
            ("drills", lambda r: r["drills"]),
            ("late", lambda r: r["late"]),
            ("overdue", lambda r: r["overdue"]),
            ("overtime", lambda r: r["overtime_zh"]),
        ],
    )
    imported = np.import_drills(_read(args.file), policy=policy)
    ranking = np.rank_drills(imported["records"], now_arg(args.now), policy=policy)
    for i, school in enumerate(ranking["schools"]):
        report.add(i, None, school, ok=school["overtime_minutes"] <= 0 and not school["overdue"])
    add_import_errors(report, imported)
    report.extra.update(edition=ranking["edition"], limit_hours=ranking["limit_hours"])
    return report


def _criteria(r: dict[str, Any]) -> str:
    return "; ".join(c["finding"]["message_zh"] for c in r["criteria"])


def cmd_audit_pick(args: argparse.Namespace, policy: np.Policy) -> Report:
    report = Report(
        "audit pick",
        [
            ("order", lambda r: r["order"]),
            ("school", lambda r: r["school"]),
            ("name", lambda r: r.get("name")),
            ("criteria met", lambda r: r["criteria_met"]),
            ("why", _criteria),
        ],
    )
    schools = np.import_audit_schools(_read(args.schools), policy=policy)
    scans = np.import_audit_scans(_read(args.scans), policy=policy) if args.scans else None
    scan_rows = scans["records"] if scans else []
    picked = np.pick_audit_schools(schools["records"], scan_rows, args.capacity, policy=policy)
    for i, school in enumerate(picked["picked"]):
        # A picked school is the finding the pick exists for.
        report.add(i, None, school, ok=False)
    add_import_errors(report, schools)
    if scans:
        add_import_errors(report, scans)
    report.extra.update(
        eligible=picked["eligible"],
        schools_considered=picked["schools_considered"],
        over_capacity=[s["school"] for s in picked["over_capacity"]],
    )
    if args.svg:
        svg = np.audit_criteria_svg(schools["records"], scan_rows, args.capacity, policy=policy)
        args.svg_out.append((args.svg, svg))
    return report


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Adds incident, drill and audit."""
    ip = sub.add_parser("incident", help="security incidents (資安事件)").add_subparsers(
        dest="incident_command", required=True
    )
    p = ip.add_parser("check", parents=[common], help="each incident's deadlines and status")
    p.add_argument("file", metavar="FILE.csv", help="the department's table (編號,通報單位,等級 …)")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge at (default: now)")
    p.set_defaults(func=cmd_incident_check)
    p = ip.add_parser("stats", parents=[common], help="counts by month, subtype, school, year")
    p.add_argument("file", metavar="FILE.csv", help="the department's table")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge lateness at")
    p.add_argument("--svg", metavar="OUT.svg", help="write the monthly bar chart")
    p.add_argument("--subtype-svg", metavar="OUT.svg", help="write the subtype chart")
    p.set_defaults(func=cmd_incident_stats)

    dp = sub.add_parser("drill", help="security drills (資安演練)").add_subparsers(
        dest="drill_command", required=True
    )
    p = dp.add_parser("rank", parents=[common], help="schools by drill overtime, longest first")
    p.add_argument("file", metavar="FILE.csv", help="學校代碼,梯次,通知時間,通報時間")
    p.add_argument("--now", metavar="DATETIME", help="the moment to judge open drills at")
    p.set_defaults(func=cmd_drill_rank)

    ap = sub.add_parser("audit", help="on-site security checks (資安實地稽核)").add_subparsers(
        dest="audit_command", required=True
    )
    p = ap.add_parser("pick", parents=[common], help="pick schools, with the criteria they met")
    p.add_argument("schools", metavar="SCHOOLS.csv", help="per-school figures")
    p.add_argument("--scans", metavar="SCANS.csv", help="vulnerability scan findings")
    p.add_argument("--capacity", type=int, metavar="N", help="how many checks there is time for")
    p.add_argument("--svg", metavar="OUT.svg", help="write the criteria table")
    p.set_defaults(func=cmd_audit_pick)
