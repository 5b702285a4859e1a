"""Subcommands for security operations: incident check / stats, drill rank,
audit pick.

Formatting only: a file is one core call (``incident.check_file``,
``drill.rank_file``, ``audit.pick_file``) and its result is printed as is; the
tables of statistics, rankings and picks are the result's ``total``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import ntpc_policy as np
from ntpc_policy.cli._output import FileView, findings_text
from ntpc_policy.cli._people import read_table


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


def cmd_incident_check(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.check_incident_file(read_table(args.file, policy), now_arg(args.now), policy=policy)
    return FileView(
        "incident check",
        doc,
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


def _stats_rows(stats: dict[str, Any]) -> list[tuple[None, dict[str, Any]]]:
    """The statistics of the file as (group, key, count) rows, as the core counted them."""
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
    rows += [{"group": "level", "key": v["level"], "count": v["count"]} for v in stats["by_level"]]
    for duty in ("notify", "review", "recover", "report"):
        rows.append({"group": "late", "key": duty, "count": stats["late"][duty]})
        rows.append({"group": "overdue", "key": duty, "count": stats["overdue"][duty]})
    return [(None, r) for r in rows]


def cmd_incident_stats(args: argparse.Namespace, policy: np.Policy) -> FileView:
    data = read_table(args.file, policy)
    now = now_arg(args.now)
    doc = np.check_incident_file(data, now, policy=policy)
    view = FileView(
        "incident stats",
        doc,
        [
            ("group", lambda r: r["group"]),
            ("key", lambda r: r["key"]),
            ("count", lambda r: r["count"]),
        ],
        rows=_stats_rows(doc["total"]),
    )
    if args.svg or args.subtype_svg:
        # The charts take the incidents themselves.
        incidents = np.import_incidents(data, policy=policy)["records"]
        if args.svg:
            svg = np.incident_monthly_svg(incidents, now, policy=policy)
            view.svg.append((args.svg, "--svg", svg))
        if args.subtype_svg:
            svg = np.incident_subtype_svg(incidents, now, policy=policy)
            view.svg.append((args.subtype_svg, "--subtype-svg", svg))
    return view


def cmd_drill_rank(args: argparse.Namespace, policy: np.Policy) -> FileView:
    doc = np.rank_drill_file(read_table(args.file, policy), now_arg(args.now), policy=policy)
    return FileView(
        "drill rank",
        doc,
        [
            ("rank", lambda r: r.get("rank")),
            ("school", lambda r: r["school"]),
            ("name", lambda r: r.get("school_name")),
            ("drills", lambda r: r["drills"]),
            ("late", lambda r: r["late"]),
            ("overdue", lambda r: r["overdue"]),
            ("overtime", lambda r: r["overtime_zh"]),
        ],
        rows=[(None, s) for s in doc["total"]["schools"]],
    )


def _criteria(r: dict[str, Any]) -> str:
    return "; ".join(c["finding"]["message_zh"] for c in r["criteria"])


def cmd_audit_pick(args: argparse.Namespace, policy: np.Policy) -> FileView:
    schools = read_table(args.schools, policy)
    scans = read_table(args.scans, policy, "--scans") if args.scans else None
    doc = np.pick_audit_file(schools, scans, args.capacity, policy=policy)
    view = FileView(
        "audit pick",
        doc,
        [
            ("order", lambda r: r["order"]),
            ("school", lambda r: r["school"]),
            ("name", lambda r: r.get("name")),
            ("criteria met", lambda r: r["criteria_met"]),
            ("why", _criteria),
        ],
        rows=[(None, s) for s in doc["total"]["picked"]],
    )
    if args.svg:
        # The chart takes the records themselves.
        rows = np.import_audit_schools(schools, policy=policy)["records"]
        found = np.import_audit_scans(scans, policy=policy)["records"] if scans else None
        svg = np.audit_criteria_svg(rows, found, args.capacity, policy=policy)
        view.svg.append((args.svg, "--svg", svg))
    return view
