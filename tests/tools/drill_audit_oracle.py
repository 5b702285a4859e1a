"""An independent reference of the drill list (RULES §7) and the audit pick (RULES
§8), used only to write the expected values of tests/vectors/{drill,audit}.json.
It shares no code with the core: competition ranks over non-zero values, a top-N
cut at rank <= N, ordering by (criteria met desc, best rank asc, school code),
CVSS compared in tenths, labels ignored."""

import unicodedata
from datetime import date, timedelta

from secops_oracle import TPE, ceil_min, floor_min, iso, local, t, text_en, text_zh


def drill_limit(notified, pinned=None):
    """Seed 000 PART FOUR (一)1 / (二)2: 4 h in ROC 109, 1 h from 110 (decided: the
    year 110 starts 2021-01-01), by the Taipei notice date, unless pinned."""
    if pinned is not None:
        return None, pinned
    return ("109", 4) if notified.astimezone(TPE).date() < date(2021, 1, 1) else ("110", 1)


def drill_eval(rep, now_text, limit=None):
    """`limit`: a pinned limit in hours; None takes the one of the notice date."""
    now = t(now_text)
    n, r = t(rep["notified_at"]), t(rep.get("reported_at"))
    edition, limit = drill_limit(n, limit)
    d = n + timedelta(hours=limit)
    o = {
        "school": rep["school"],
        "drill": rep.get("drill"),
        "edition": edition,
        "limit_hours": limit,
        "notified_at": iso(n),
        "deadline": iso(d),
        "reported_at": iso(r),
    }
    if r is not None and r <= d:
        o.update(
            status="met",
            overtime_minutes=0,
            margin_minutes=floor_min(d - r),
            verdict="pass",
            findings=[],
        )
    elif r is not None:
        m = ceil_min(r - d)
        o.update(
            status="late",
            overtime_minutes=m,
            margin_minutes=None,
            verdict="fail",
            findings=[
                {
                    "code": "drill.late",
                    "params": {
                        "deadline": local(d),
                        "limit_hours": limit,
                        "reported_at": local(r),
                        "overtime_minutes": m,
                        "overtime": text_en(m),
                        "overtime_zh": text_zh(m),
                    },
                }
            ],
        )
    elif now <= d:
        m = floor_min(d - now)
        o.update(
            status="open",
            overtime_minutes=0,
            margin_minutes=m,
            verdict="pass",
            findings=[
                {
                    "code": "drill.open",
                    "params": {
                        "deadline": local(d),
                        "margin_minutes": m,
                        "margin": text_en(m),
                        "margin_zh": text_zh(m),
                    },
                }
            ],
        )
    else:
        m = ceil_min(now - d)
        o.update(
            status="overdue",
            overtime_minutes=m,
            margin_minutes=None,
            verdict="fail",
            findings=[
                {
                    "code": "drill.overdue",
                    "params": {
                        "deadline": local(d),
                        "now": local(now),
                        "overtime_minutes": m,
                        "overtime": text_en(m),
                        "overtime_zh": text_zh(m),
                    },
                }
            ],
        )
    if r is not None and r < n:
        o["findings"].append(
            {
                "code": "drill.time_order",
                "params": {"reported_at": local(r), "notified_at": local(n)},
            }
        )
        if o["verdict"] == "pass":
            o["verdict"] = "warn"
    return o


def comp_ranks(values_desc):
    """Competition ranks of values sorted descending; non-positive values get None."""
    out = []
    for i, v in enumerate(values_desc):
        if v <= 0:
            out.append(None)
        elif i and values_desc[i - 1] == v:
            out.append(out[-1])
        else:
            out.append(i + 1)
    return out


def drill_rank(reports, now_text, limit, edition):
    """`limit`: a pinned limit, or None for the limit of each notice date."""
    checks = [drill_eval(r, now_text, limit) for r in reports]
    per = {}
    for r, c in zip(reports, checks):
        s = per.setdefault(
            r["school"],
            {
                "school": r["school"],
                "school_name": None,
                "drills": 0,
                "late": 0,
                "overdue": 0,
                "open": 0,
                "overtime_minutes": 0,
            },
        )
        if s["school_name"] is None and (r.get("school_name") or "").strip():
            s["school_name"] = r["school_name"]
        s["drills"] += 1
        if c["status"] in ("late", "overdue", "open"):
            s[c["status"]] += 1
        s["overtime_minutes"] += c["overtime_minutes"]
    schools = sorted(per.values(), key=lambda s: (-s["overtime_minutes"], s["school"]))
    for s, rk in zip(schools, comp_ranks([s["overtime_minutes"] for s in schools])):
        s["rank"] = rk
        s["overtime"], s["overtime_zh"] = (
            text_en(s["overtime_minutes"]),
            text_zh(s["overtime_minutes"]),
        )
    return {
        "edition": edition,
        "limit_hours": (
            checks[0]["limit_hours"]
            if checks and all(c["limit_hours"] == checks[0]["limit_hours"] for c in checks)
            else (limit if not checks else None)
        ),
        "late_schools": sum(s["overtime_minutes"] > 0 for s in schools),
        "schools": schools,
        "drills": checks,
    }


def ver(text):
    """The output name of a CVSS version as scanners write it."""
    if text is None:
        return None
    core = text.lower().replace("cvss", "").lstrip(":v").split("/")[0]
    return {"2": "v2", "2.0": "v2", "3": "v3", "3.0": "v3", "3.1": "v3", "4": "v4", "4.0": "v4"}[
        core
    ]


def band(score, version):
    tn = round(score * 10)
    if version == "v2":
        return "low" if tn < 40 else "medium" if tn < 70 else "high"
    return (
        "none"
        if tn == 0
        else "low"
        if tn < 40
        else "medium"
        if tn < 70
        else "high"
        if tn < 90
        else "critical"
    )


def scan_rank(scans, schools=(), min_cvss=7.0):
    """The website-scan ranking (issue 16 item 5; seed 001 §陸.三.(一)): schools with a
    scan finding, by re-scan findings >= the threshold desc, highest re-scan CVSS desc
    (none lowest), initial-scan findings >= the threshold desc, school code; the
    schools with re-scan findings >= the threshold must fix and report back."""
    names = {s["school"].strip(): s.get("name") for s in schools}

    def high(f):
        return round(f["cvss"] * 10) >= round(min_cvss * 10)

    rows = []
    for c in sorted({f["school"].strip() for f in scans}):
        mine = [f for f in scans if f["school"].strip() == c]
        init = [f for f in mine if f["scan"] == "initial"]
        res = [f for f in mine if f["scan"] == "rescan"]
        fix = sorted([f for f in res if high(f)], key=lambda f: -f["cvss"])
        summary = {
            "initial": len(init),
            "initial_high": sum(map(high, init)),
            "rescan": len(res),
            "rescan_high": len(fix),
            "max_rescan_cvss": max((f["cvss"] for f in res), default=None),
        }
        rows.append((c, summary, fix))
    rows.sort(
        key=lambda r: (
            -r[1]["rescan_high"],
            -(round(r[1]["max_rescan_cvss"] * 10) if r[1]["max_rescan_cvss"] is not None else -1),
            -r[1]["initial_high"],
            r[0],
        )
    )
    out = {"rescan_min_cvss": min_cvss, "schools": [], "must_fix": []}
    for i, (c, summary, fix) in enumerate(rows):
        out["schools"].append(
            {"rank": i + 1, "school": c, "name": names.get(c), "scans": summary, "must_fix": bool(fix)}
        )
        if fix:
            out["must_fix"].append(
                {
                    "school": c,
                    "name": names.get(c),
                    "findings": [
                        {
                            "scan": "rescan",
                            "cvss": f["cvss"],
                            "cvss_version": ver(f.get("cvss_version")),
                            "band": band(f["cvss"], ver(f.get("cvss_version"))),
                            "label": f.get("label"),
                            "title": f.get("title"),
                        }
                        for f in fix
                    ],
                    "finding": {
                        "code": "audit.rescan_high",
                        "params": {
                            "count": len(fix),
                            "max_cvss": f"{fix[0]['cvss']:.1f}",
                            "min_cvss": f"{min_cvss:.1f}",
                        },
                    },
                }
            )
    return out


def pick(
    schools,
    scans,
    capacity=None,
    drill_top=20,
    incident_top=20,
    grade="C",
    min_cvss=7.0,
    rescan_criterion=False,
):
    """The seed's five criteria (000 PART FOUR (三)); the re-scan is a sixth only
    when `rescan_criterion` (the policy switch) is on."""
    codes = {s["school"].strip(): s for s in schools}
    for f in scans:
        codes.setdefault(f["school"].strip(), {"school": f["school"].strip()})

    def top(key, n):
        vals = sorted(
            ((c, codes[c].get(key) or 0) for c in codes if (codes[c].get(key) or 0) > 0),
            key=lambda cv: (-cv[1], cv[0]),
        )
        return {c: r for (c, _), r in zip(vals, comp_ranks([v for _, v in vals])) if r <= n}

    dr, ir = top("drill_overtime_minutes", drill_top), top("previous_year_incidents", incident_top)

    def norm(g):
        return unicodedata.normalize("NFKC", g).strip().upper().removesuffix("級").strip()

    out = []
    for c in sorted(codes):
        s, crit = codes[c], []
        if c in dr:
            m = s["drill_overtime_minutes"]
            crit.append(
                {
                    "criterion": "drill_overtime",
                    "rank": dr[c],
                    "finding": {
                        "code": "audit.drill_overtime",
                        "params": {
                            "overtime_minutes": m,
                            "overtime": text_en(m),
                            "overtime_zh": text_zh(m),
                            "rank": dr[c],
                            "top_n": drill_top,
                        },
                    },
                }
            )
        if c in ir:
            crit.append(
                {
                    "criterion": "incident_count",
                    "rank": ir[c],
                    "finding": {
                        "code": "audit.incident_count",
                        "params": {
                            "count": s["previous_year_incidents"],
                            "rank": ir[c],
                            "top_n": incident_top,
                        },
                    },
                }
            )
        for key, name in (
            ("self_report_gaps", "self_report_gaps"),
            ("citizen_complaints", "citizen_complaint"),
        ):
            if (s.get(key) or 0) > 0:
                crit.append(
                    {
                        "criterion": name,
                        "rank": None,
                        "finding": {"code": "audit." + name, "params": {"count": s[key]}},
                    }
                )
        if s.get("security_grade") and norm(s["security_grade"]) == norm(grade):
            crit.append(
                {
                    "criterion": "security_grade",
                    "rank": None,
                    "finding": {"code": "audit.security_grade", "params": {"grade": norm(grade)}},
                }
            )
        mine = [f for f in scans if f["school"].strip() == c]

        def high(f):
            return round(f["cvss"] * 10) >= round(min_cvss * 10)

        init = [f for f in mine if f["scan"] == "initial"]
        res = [f for f in mine if f["scan"] == "rescan"]
        fix = sorted([f for f in res if high(f)], key=lambda f: -f["cvss"])
        summary = {
            "initial": len(init),
            "initial_high": sum(map(high, init)),
            "rescan": len(res),
            "rescan_high": len(fix),
            "max_rescan_cvss": max((f["cvss"] for f in res), default=None),
        }
        if fix and rescan_criterion:
            crit.append(
                {
                    "criterion": "rescan_high",
                    "rank": None,
                    "finding": {
                        "code": "audit.rescan_high",
                        "params": {
                            "count": len(fix),
                            "max_cvss": f"{fix[0]['cvss']:.1f}",
                            "min_cvss": f"{min_cvss:.1f}",
                        },
                    },
                }
            )
        if crit:
            ranks = [x["rank"] for x in crit if x["rank"] is not None]
            out.append(
                {
                    "school": c,
                    "name": s.get("name"),
                    "criteria_met": len(crit),
                    "worst_rank": min(ranks) if ranks else None,
                    "criteria": crit,
                    "scans": summary,
                    "to_fix": [
                        {
                            "scan": "rescan",
                            "cvss": f["cvss"],
                            "cvss_version": ver(f.get("cvss_version")),
                            "band": band(f["cvss"], ver(f.get("cvss_version"))),
                            "label": f.get("label"),
                            "title": f.get("title"),
                        }
                        for f in fix
                    ],
                }
            )
    out.sort(
        key=lambda s: (
            -s["criteria_met"],
            s["worst_rank"] if s["worst_rank"] is not None else 10**9,
            s["school"],
        )
    )
    for i, s in enumerate(out):
        s["order"] = i + 1
    cut = len(out) if capacity is None else min(capacity, len(out))
    return {
        "drill_top_n": drill_top,
        "incident_top_n": incident_top,
        "picked_grade": grade,
        "rescan_min_cvss": min_cvss,
        "capacity": capacity,
        "schools_considered": len(codes),
        "eligible": len(out),
        "picked": out[:cut],
        "over_capacity": out[cut:],
        "rescan_is_criterion": rescan_criterion,
        "scan_ranking": scan_rank(scans, schools, min_cvss),
    }
