"""An independent reference of RULES §7 and §8 (incident deadlines, drill
overtime, the audit pick), used only to write the expected values of
tests/vectors/{incident,drill,audit}.json. It shares no code with the core: it is
written from RULES.md and the decisions documented there and in the module docs
(minutes: margins rounded down, delays up; report deadline: one month counted as
行政程序法 §48 counts it, with the office calendar of
core/data/office-calendar/office_days.json; competition ranks over non-zero
values, rank <= N)."""

import json
import re
from calendar import monthrange
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

# The office calendar shipped with the core: {"YYYY": {"holidays": {iso: name}, "workdays": {iso: name}}}.
OFFICE = json.loads(
    (Path(__file__).resolve().parents[2] / "core/data/office-calendar/office_days.json").read_text(
        encoding="utf-8"
    )
)
SATURDAY_END_HOUR = 12  # 行政程序法 §48 ④: the following Monday, morning

TPE = timezone(timedelta(hours=8))
REGS = [
    {
        "name": "2021-08-23",
        "from": date(2021, 8, 23),
        "notify": 1,
        "review_low": 8,
        "review_high": 2,
        "recover_low": 72,
        "recover_high": 36,
        "months": 1,
    },
    {
        "name": "2026-01-05",
        "from": date(2026, 1, 5),
        "notify": 1,
        "review_low": 8,
        "review_high": 2,
        "recover_low": 72,
        "recover_high": 36,
        "months": 1,
    },
]


def t(text):
    """'2021/02/08 17:50' (Taipei) or ISO 8601 with an offset."""
    if text is None:
        return None
    if "T" in text:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(TPE)
    m = re.fullmatch(r"(\d+)年(\d+)月(\d+)日 (上午|下午)(\d+):(\d+)", text)
    if m:
        y, mo, d, ap, h, mi = m.groups()
        h = int(h) % 12 + (12 if ap == "下午" else 0)
        return datetime(int(y) + 1911, int(mo), int(d), h, int(mi), tzinfo=TPE)
    d, hm = text.split(" ")
    y, m, dd = (int(x) for x in d.split("/"))
    if y < 1000:
        y += 1911
    h, mi = (int(x) for x in hm.split(":"))
    return datetime(y, m, dd, h, mi, tzinfo=TPE)


def iso(dt):
    return None if dt is None else dt.astimezone(TPE).isoformat()


def local(dt):
    dt = dt.astimezone(TPE)
    return dt.strftime("%Y-%m-%d %H:%M") if dt.second == 0 else dt.strftime("%Y-%m-%d %H:%M:%S")


def floor_min(delta):
    return int(delta.total_seconds() // 60)


def ceil_min(delta):
    s = delta.total_seconds()
    return int(-((-s) // 60))


def text_en(m):
    d, h, mi = m // 1440, m % 1440 // 60, m % 60
    parts = ([f"{d} d"] if d else []) + ([f"{h} h"] if h else [])
    if mi or not parts:
        parts.append(f"{mi} min")
    return " ".join(parts)


def text_zh(m):
    d, h, mi = m // 1440, m % 1440 // 60, m % 60
    parts = ([f"{d} 天"] if d else []) + ([f"{h} 小時"] if h else [])
    if mi or not parts:
        parts.append(f"{mi} 分")
    return " ".join(parts)


def office_day(cal, d):
    """(is an office day, the calendar's name for the day, is the year covered)."""
    year = cal.get(str(d.year))
    if year is None:
        return d.weekday() < 5, None, False
    if d.isoformat() in year.get("workdays", {}):
        return True, year["workdays"][d.isoformat()], True
    if d.isoformat() in year.get("holidays", {}):
        return False, year["holidays"][d.isoformat()], True
    return d.weekday() < 5, None, True


def period_48(start, n, cal=None, sat_hour=SATURDAY_END_HOUR):
    """A period of n months from the event at `start` (行政程序法 §48, 民法 §120-123):
    the start day is not counted, so when the event falls on a month's last day the
    count starts on the 1st and runs n whole months; otherwise the last day is the
    day of the same number n months on, or that month's last day when it has none.
    A last day that is not an office day moves to the end of the next office day,
    a Saturday to noon of it."""
    cal = OFFICE if cal is None else cal
    d = start.astimezone(TPE).date()
    y, m = d.year + (d.month - 1 + n) // 12, (d.month - 1 + n) % 12 + 1
    days = monthrange(y, m)[1]
    if d.day == monthrange(d.year, d.month)[1]:
        counted = date(y, m, days)
    else:
        counted = date(y, m, min(d.day, days))
    ok, name, covered = office_day(cal, counted)
    uncovered = set() if covered else {counted.year}
    out = {"counted": counted, "shifted_from": None, "findings": []}
    if ok:
        last, rule = counted, "end_of_last_day"
    else:
        last = counted + timedelta(days=1)
        while True:
            ok2, _, cov2 = office_day(cal, last)
            if not cov2:
                uncovered.add(last.year)
            if ok2:
                break
            last += timedelta(days=1)
        rule = "saturday_noon" if counted.weekday() == 5 else "next_office_day"
        out["shifted_from"] = counted
    if rule == "saturday_noon":
        end = datetime.combine(last, time(sat_hour), TPE)
        text = f"{last.isoformat()} {sat_hour:02d}:00"
    else:
        end = datetime.combine(last + timedelta(days=1), time(0), TPE)
        text = f"{last.isoformat()} 24:00"
    out.update(last_day=last, end=end, rule=rule, text=text, covered=not uncovered)
    out["uncovered_years"] = sorted(uncovered)
    if rule != "end_of_last_day":
        wd = counted.weekday()
        en, zh = {5: ("a Saturday", "星期六"), 6: ("a Sunday", "星期日")}.get(wd, ("a day off", "放假日"))
        if name:
            en, zh = f"{en} ({name})", f"{zh}（{name}）"
        out["findings"].append(
            {
                "code": "calendar.period_shifted",
                "params": {
                    "counted_last_day": counted.isoformat(),
                    "rest": en,
                    "rest_zh": zh,
                    "end": text,
                },
            }
        )
    if uncovered:
        out["findings"].append(
            {
                "code": "calendar.not_covered",
                "params": {
                    "years": ", ".join(str(y) for y in sorted(uncovered)),
                    "counted_last_day": counted.isoformat(),
                },
            }
        )
    return out


def judge(name, frm, start, deadline, done, now, hours=None, months=None):
    o = {
        "obligation": name,
        "from": frm,
        "start": iso(start),
        "limit_hours": hours,
        "limit_months": months,
        "deadline": iso(deadline),
        "last_day": None,
        "shifted_from": None,
        "done_at": iso(done),
        "margin_minutes": None,
        "delay_minutes": None,
    }
    if deadline is None:
        o["status"] = "unknown"
    elif done is not None and done <= deadline:
        o["status"], o["margin_minutes"] = "met", floor_min(deadline - done)
    elif done is not None:
        o["status"], o["delay_minutes"] = "late", ceil_min(done - deadline)
    elif now <= deadline:
        o["status"], o["margin_minutes"] = "open", floor_min(deadline - now)
    else:
        o["status"], o["delay_minutes"] = "overdue", ceil_min(now - deadline)
    return o


OBL = {
    "notify": ("Notification", "通報"),
    "review": ("Level review", "等級審核"),
    "recover": ("Damage control or recovery", "損害控制或復原"),
    "report": ("Investigation and improvement report", "調查、處理及改善報告"),
}
MISSING = {
    "notify": ("awareness or occurrence time", "知悉時間或發生時間"),
    "recover": ("awareness or occurrence time", "知悉時間或發生時間"),
    "review": ("notification time", "通報時間"),
    "report": ("recovery time", "復原時間"),
}
FIELD = {
    "occurred_at": ("occurrence time", "發生時間"),
    "aware_at": ("awareness time", "知悉時間"),
    "reported_at": ("notification time", "通報時間"),
    "reviewed_at": ("review time", "審核時間"),
    "recovered_at": ("recovery time", "復原時間"),
    "report_filed_at": ("report time", "報告時間"),
}


def evaluate(inc, now_text, regs=REGS, cal=None):
    now = t(now_text)
    g = {k: t(inc.get(k)) for k in FIELD}
    level, rlevel = inc["level"], inc.get("reported_level")
    # Issue 16 item 2: times the source has no column for. A duty whose completion
    # time is not recorded is unknown, never overdue; what is not recorded is said
    # once per file, not per incident.
    nr = set(inc.get("not_recorded", []))
    findings = []
    if g["aware_at"]:
        basis, start = "aware_at", g["aware_at"]
    elif g["occurred_at"]:
        basis, start = "occurred_at", g["occurred_at"]
        if "aware_at" not in nr:
            findings.append(
                {"code": "incident.basis_occurred", "params": {"occurred_at": local(start)}}
            )
    else:
        basis, start = None, None
    day = (start or g["reported_at"] or now).astimezone(TPE).date()
    in_force = [r for r in regs if r["from"] <= day]
    reg = max(in_force, key=lambda r: r["from"]) if in_force else regs[0]
    if not in_force:
        findings.append(
            {
                "code": "incident.earliest_regulation",
                "params": {"date": day.isoformat(), "regulation": reg["name"]},
            }
        )
    if level == 0:
        findings.append({"code": "incident.unconfirmed", "params": {}})
    if rlevel is not None and rlevel != level:
        findings.append(
            {"code": "incident.level_changed", "params": {"reported_level": rlevel, "level": level}}
        )
    pairs = [
        ("occurred_at", "aware_at"),
        (basis, "reported_at"),
        ("reported_at", "reviewed_at"),
        (basis, "recovered_at"),
        ("recovered_at", "report_filed_at"),
    ]
    for e, later in pairs:
        if e and g.get(e) and g[later] and g[later] < g[e]:
            findings.append(
                {
                    "code": "incident.time_order",
                    "params": {
                        "later": FIELD[later][0],
                        "later_zh": FIELD[later][1],
                        "later_at": local(g[later]),
                        "earlier": FIELD[e][0],
                        "earlier_zh": FIELD[e][1],
                        "earlier_at": local(g[e]),
                    },
                }
            )

    def hi(lv):
        return lv >= 3

    rv = rlevel if rlevel is not None else level
    obs = []
    h = reg["notify"]
    obs.append(
        judge(
            "notify",
            basis,
            start,
            start and start + timedelta(hours=h),
            g["reported_at"],
            now,
            hours=h,
        )
    )
    h = reg["review_high"] if hi(rv) else reg["review_low"]
    rep = g["reported_at"]
    obs.append(
        judge(
            "review",
            rep and "reported_at",
            rep,
            rep and rep + timedelta(hours=h),
            g["reviewed_at"],
            now,
            hours=h,
        )
    )
    if level > 0:
        h = reg["recover_high"] if hi(level) else reg["recover_low"]
        obs.append(
            judge(
                "recover",
                basis,
                start,
                start and start + timedelta(hours=h),
                g["recovered_at"],
                now,
                hours=h,
            )
        )
        rec = g["recovered_at"]
        period = rec and period_48(rec, reg["months"], cal)
        obs.append(
            judge(
                "report",
                rec and "recovered_at",
                rec,
                period and period["end"],
                g["report_filed_at"],
                now,
                months=reg["months"],
            )
        )
        if period:
            obs[-1]["last_day"] = period["last_day"].isoformat()
            obs[-1]["shifted_from"] = period["shifted_from"] and period["shifted_from"].isoformat()
    else:
        period = None
    starts_done = {
        "notify": (("aware_at", "occurred_at"), "reported_at"),
        "review": (("reported_at",), "reviewed_at"),
        "recover": (("aware_at", "occurred_at"), "recovered_at"),
        "report": (("recovered_at",), "report_filed_at"),
    }
    silent = set()
    for o in obs:
        starts, done = starts_done[o["obligation"]]
        if o["done_at"] is None and done in nr:
            o["status"], o["margin_minutes"], o["delay_minutes"] = "unknown", None, None
        if o["status"] == "unknown" and (
            done in nr if o["deadline"] else all(f in nr for f in starts)
        ):
            silent.add(o["obligation"])
    for o in obs:
        if o["obligation"] in silent:
            continue
        en, zh = OBL[o["obligation"]]
        p = {"obligation": en, "obligation_zh": zh}
        dl = o["deadline"] and local(t(o["deadline"]))
        if o["obligation"] == "report" and period:
            dl = period["text"]
        if o["status"] == "late":
            m = o["delay_minutes"]
            p.update(
                deadline=dl,
                done_at=local(t(o["done_at"])),
                delay_minutes=m,
                delay=text_en(m),
                delay_zh=text_zh(m),
            )
            findings.append({"code": "incident.late", "params": p})
        elif o["status"] == "overdue":
            m = o["delay_minutes"]
            p.update(
                deadline=dl, now=local(now), delay_minutes=m, delay=text_en(m), delay_zh=text_zh(m)
            )
            findings.append({"code": "incident.overdue", "params": p})
        elif o["status"] == "open":
            m = o["margin_minutes"]
            p.update(deadline=dl, margin_minutes=m, margin=text_en(m), margin_zh=text_zh(m))
            findings.append({"code": "incident.open", "params": p})
        elif o["status"] == "unknown":
            p.update(missing=MISSING[o["obligation"]][0], missing_zh=MISSING[o["obligation"]][1])
            findings.append({"code": "incident.deadline_unknown", "params": p})
    if period:
        findings.extend(period["findings"])
    sev = {
        "incident.late": 2,
        "incident.overdue": 2,
        "incident.time_order": 1,
        "calendar.not_covered": 1,
    }
    worst = max([sev.get(f["code"], 0) for f in findings] + [0])
    return {
        "id": inc["id"],
        "unit": inc["unit"],
        "unit_as_written": inc.get("unit_as_written"),
        "level": level,
        "reported_level": rlevel,
        "regulation": reg["name"],
        "basis": basis,
        "obligations": obs,
        "verdict": ["pass", "warn", "fail"][worst],
        "findings": findings,
    }


def stats(incidents, now_text):
    months, years, sub, school, levels = {}, {}, {}, {}, {}
    late = dict.fromkeys(OBL, 0)
    overdue = dict.fromkeys(OBL, 0)
    undated = incidents_late = 0
    for i in incidents:
        when = t(i.get("reported_at")) or t(i.get("occurred_at")) or t(i.get("aware_at"))
        if when:
            months[(when.year, when.month)] = months.get((when.year, when.month), 0) + 1
            years[when.year] = years.get(when.year, 0) + 1
        else:
            undated += 1
        st = (i.get("subtype") or "").strip() or None
        sub[st] = sub.get(st, 0) + 1
        u = i["unit"].strip() or None
        school[u] = school.get(u, 0) + 1
        levels[i["level"]] = levels.get(i["level"], 0) + 1
        r = evaluate(i, now_text)
        any_late = False
        for o in r["obligations"]:
            if o["status"] == "late":
                late[o["obligation"]] += 1
                any_late = True
            elif o["status"] == "overdue":
                overdue[o["obligation"]] += 1
                any_late = True
        incidents_late += any_late
    by_month = []
    if months:
        (y, m), last = min(months), max(months)
        while (y, m) <= last:
            by_month.append(
                {
                    "month": f"{y}-{m:02d}",
                    "roc_month": f"{y - 1911}/{m:02d}",
                    "count": months.get((y, m), 0),
                }
            )
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    def order(d):
        return [
            {"label": k, "count": v}
            for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
        ]

    return {
        "total": len(incidents),
        "by_month": by_month,
        "by_subtype": order(sub),
        "by_school": order(school),
        "by_year": [
            {"year": y, "roc_year": y - 1911, "count": c} for y, c in sorted(years.items())
        ],
        "by_level": [{"level": k, "count": v} for k, v in sorted(levels.items())],
        "undated": undated,
        "late": late,
        "overdue": overdue,
        "incidents_late": incidents_late,
        "not_evaluated": [],
    }
