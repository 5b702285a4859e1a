"""Writes tests/vectors/incident.json.

Expected values come from secops_oracle.py (an independent reading of RULES §7)
and, for the seed's six incidents, from figures worked out by hand below; the
script checks that the oracle agrees with every hand figure before writing."""

# ruff: noqa: E501 (long literal strings: expected messages and data)

import incident_import_cases
import secops_oracle as o
from seed_incidents import SEED, seed_record
from vector_doc import Doc

# --------------------------------------------------------------------------- incident
INC = Doc(
    "incident",
    "Security incidents (RULES §7; seed 000 PART FOUR; 資通安全事件通報及應變辦法): deadlines, "
    "import, statistics. Times in args are RFC 3339 or any calendar style (naive = Asia/Taipei); "
    "import data is `data` (text) or `data_hex` (bytes).",
)
NOW = "2021-12-07T00:00:00+08:00"  # the day of the seed 001 meeting
HAND = {
    "189750": (
        ("2021-02-08T18:50:00+08:00", "late", 951),
        ("2021-02-09T18:41:00+08:00", 423),
    ),  # 15 h 51 min; 7 h 03 min
    "190349": (
        ("2021-03-09T13:02:00+08:00", "late", 1384),
        ("2021-03-10T20:06:00+08:00", 403),
    ),  # 23 h 04 min; 6 h 43 min
    "194481": (
        ("2021-07-28T21:17:00+08:00", "late", 762),
        ("2021-07-29T17:59:00+08:00", 466),
    ),  # 12 h 42 min; 7 h 46 min
    "194418": (
        ("2021-07-27T18:20:00+08:00", "late", 2375),
        ("2021-07-29T17:55:00+08:00", 479),
    ),  # 1 d 15 h 35 min; 7 h 59 min
    "190902": (
        ("2021-03-29T08:42:00+08:00", "met", 5),
        ("2021-03-29T16:37:00+08:00", 388),
    ),  # 5 min early; 6 h 28 min
    "193862": (
        ("2021-07-12T18:01:00+08:00", "late", 921),
        ("2021-07-13T17:22:00+08:00", 480),
    ),  # 15 h 21 min; 8 h
}
# By hand: recovery (72 h from occurrence) overdue at NOW.
HAND_RECOVER = {
    "189750": 429490,  # due 02-11 17:50: 299 days to 12-07 00:00, less 17 h 50 min
    "190902": 359538,
}  # due 04-01 07:42: 250 days, less 7 h 42 min


def ev_case(name, inc, now=NOW, policy=None, regs=o.REGS, extra=None, cal=None):
    exp = o.evaluate(inc, now, regs, cal)
    if extra:
        exp.update(extra)
    args = {"incident": inc, "now": now}
    if policy:
        args["policy"] = policy
    INC.ok(name, "incident.evaluate", args, exp)
    return exp


for r in SEED:
    inc = seed_record(r)
    (nd, ns, nm), (rd, rm) = HAND[r[0]]
    exp = o.evaluate(inc, NOW)
    n, rv = exp["obligations"][0], exp["obligations"][1]
    assert (
        n["deadline"],
        n["status"],
        n["delay_minutes"] if ns == "late" else n["margin_minutes"],
    ) == (nd, ns, nm), r[0]
    assert (rv["deadline"], rv["status"], rv["margin_minutes"]) == (rd, "met", rm), r[0]
    if r[0] in HAND_RECOVER:
        assert exp["obligations"][2]["delay_minutes"] == HAND_RECOVER[r[0]]
    assert (
        exp["basis"] == "occurred_at"
        and exp["regulation"] == "2021-08-23"
        and exp["verdict"] == "fail"
    )
    exp["ip"] = {"raw": r[6], "address": None, "nat": r[6].endswith("(natIP)"), "redacted": True}
    if r[0] == "189750":  # the messages, by hand
        msgs = [
            (
                "未填知悉時間，通報與復原期限以發生時間 2021-02-08 17:50 起算。",
                "No awareness time given: the notification and recovery deadlines run from the occurrence time 2021-02-08 17:50.",
            ),
            (
                "事件日期 2021-02-08 早於收錄的最早辦法版本（2021-08-23），以該版本的期限計算。",
                "The incident date 2021-02-08 is before the earliest regulation edition on file (2021-08-23); its deadlines are used.",
            ),
            (
                "通報逾時 15 小時 51 分：期限 2021-02-08 18:50，完成於 2021-02-09 10:41。",
                "Notification was 15 h 51 min late: due 2021-02-08 18:50, done 2021-02-09 10:41.",
            ),
            (
                "損害控制或復原已逾期未完成：期限 2021-02-11 17:50，至 2021-12-07 00:00 已逾時 298 天 6 小時 10 分。",
                "Damage control or recovery is overdue: due 2021-02-11 17:50, 298 d 6 h 10 min past it at 2021-12-07 00:00.",
            ),
            (
                "調查、處理及改善報告的期限無法計算：缺少復原時間。",
                "Investigation and improvement report: the deadline cannot be computed, the recovery time is missing.",
            ),
        ]
        assert len(exp["findings"]) == len(msgs)
        for f, (zh, en) in zip(exp["findings"], msgs):
            f["message_zh"], f["message_en"] = zh, en
            f["severity"] = {"incident.late": "violation", "incident.overdue": "violation"}.get(
                f["code"], "info"
            )
    INC.ok(f"seed 000 row {r[0]} ({r[2]})", "incident.evaluate", {"incident": inc, "now": NOW}, exp)

base = {"id": "T1", "unit": "新北市測試國小", "level": 1, "aware_at": "2021-09-01T10:00:00+08:00"}
ev_case(
    "notified exactly on the 1-hour deadline", {**base, "reported_at": "2021-09-01T11:00:00+08:00"}
)
ev_case("notified one minute late", {**base, "reported_at": "2021-09-01T11:01:00+08:00"})
ev_case(
    "notified one second late rounds up to 1 minute",
    {**base, "reported_at": "2021-09-01T11:00:01+08:00"},
)
ev_case(
    "notified 59 seconds early: 0 minutes to spare",
    {**base, "reported_at": "2021-09-01T10:59:01+08:00"},
)
ev_case(
    "aware_at given: basis aware_at, clocks from awareness",
    {
        **base,
        "occurred_at": "2021-08-31T08:00:00+08:00",
        "reported_at": "2021-09-01T10:30:00+08:00",
        "reviewed_at": "2021-09-01T12:00:00+08:00",
        "recovered_at": "2021-09-03T09:00:00+08:00",
        "report_filed_at": "2021-09-20T09:00:00+08:00",
    },
)
ev_case(
    "level change 2 to 3: review by reported level (8 h), recovery by reviewed level (36 h)",
    {
        **base,
        "level": 3,
        "reported_level": 2,
        "reported_at": "2021-09-01T10:40:00+08:00",
        "reviewed_at": "2021-09-01T17:00:00+08:00",
        "recovered_at": "2021-09-02T23:00:00+08:00",
    },
)
ev_case(
    "level 3 reported as 3: review within 2 h (late by 1 min)",
    {
        **base,
        "level": 3,
        "reported_at": "2021-09-01T10:40:00+08:00",
        "reviewed_at": "2021-09-01T12:41:00+08:00",
    },
)
ev_case(
    "level 4 recovered exactly at 36 h",
    {
        **base,
        "level": 4,
        "reported_at": "2021-09-01T10:20:00+08:00",
        "reviewed_at": "2021-09-01T11:00:00+08:00",
        "recovered_at": "2021-09-02T22:00:00+08:00",
    },
    now="2021-09-03T00:00:00+08:00",
)
ev_case(
    "level 2 recovered at 72 h 1 min is late",
    {
        **base,
        "level": 2,
        "reported_at": "2021-09-01T10:20:00+08:00",
        "reviewed_at": "2021-09-01T11:00:00+08:00",
        "recovered_at": "2021-09-04T10:01:00+08:00",
    },
    now="2021-09-05T00:00:00+08:00",
)
ev_case(
    "level 0 unconfirmed ticket: notify and review only",
    {**base, "level": 0, "reported_at": "2021-09-01T10:50:00+08:00"},
    now="2021-09-01T12:00:00+08:00",
)
ev_case(
    "missing aware_at and occurred_at: notify and recovery unknown",
    {
        "id": "T2",
        "unit": "X",
        "level": 1,
        "reported_at": "2021-09-01T10:00:00+08:00",
        "reviewed_at": "2021-09-01T11:00:00+08:00",
    },
    now="2021-09-02T00:00:00+08:00",
)
ev_case(
    "not notified, deadline ahead: open with minutes left",
    dict(base),
    now="2021-09-01T10:15:30+08:00",
)
ev_case("not notified, deadline passed: overdue", dict(base), now="2021-09-01T13:00:00+08:00")
ev_case(
    "not notified, now exactly at the deadline: still open",
    dict(base),
    now="2021-09-01T11:00:00+08:00",
)
rec = {
    **base,
    "reported_at": "2022-01-31T10:30:00+08:00",
    "aware_at": "2022-01-31T10:00:00+08:00",
    "reviewed_at": "2022-01-31T11:00:00+08:00",
    "recovered_at": "2022-01-31T10:00:00+08:00",
}
# Report deadlines: one month counted as 行政程序法 §48 counts it (RULES §7, revised).
# By hand: recovered 2022-01-31 → counting from 02-01, a whole February: last day
# 02-28, a Monday but 和平紀念日 (office calendar 2022) → the end of Tuesday 03-01.
exp = ev_case(
    "report due one month after recovery: last day 28 Feb 2022 is 和平紀念日, moves to the end of 1 Mar",
    {**rec, "report_filed_at": "2022-02-28T10:00:00+08:00"},
    now="2022-03-10T00:00:00+08:00",
)
assert exp["obligations"][3]["deadline"] == "2022-03-02T00:00:00+08:00"
assert exp["obligations"][3]["shifted_from"] == "2022-02-28"
# By hand: 2024-01-31 → 2024-02-29, a Thursday and an office day: due at its end,
# 03-01 00:00; filed 03-01 10:00 is 10 h late.
exp = ev_case(
    "report deadline in a leap year: 31 Jan + 1 month = the end of 29 Feb",
    {
        **rec,
        "aware_at": "2024-01-31T09:00:00+08:00",
        "reported_at": "2024-01-31T09:30:00+08:00",
        "reviewed_at": "2024-01-31T10:00:00+08:00",
        "recovered_at": "2024-01-31T10:00:00+08:00",
        "report_filed_at": "2024-03-01T10:00:00+08:00",
    },
    now="2024-03-10T00:00:00+08:00",
)
assert exp["obligations"][3]["delay_minutes"] == 600
ev_case("report not filed, one month not over: open", rec, now="2022-02-15T10:00:00+08:00")
ev_case(
    "report not filed on 1 Mar 2022 (the moved last day): still open",
    rec,
    now="2022-03-01T10:00:00+08:00",
)
ev_case("report not filed after the moved deadline: overdue", rec, now="2022-03-02T10:00:00+08:00")


def report_case(name, recovered, filed=None, now=None, hand=None, **kw):
    """A level-1 incident met in every step but the report, recovered at `recovered`."""
    inc = {
        **base,
        "aware_at": recovered,
        "reported_at": recovered,
        "reviewed_at": recovered,
        "recovered_at": recovered,
    }
    if filed:
        inc["report_filed_at"] = filed
    exp = ev_case(name, inc, now=now or filed, **kw)
    if hand:
        rep = exp["obligations"][3]
        assert (rep["deadline"], rep["last_day"], rep["shifted_from"]) == hand, (name, rep)
    return exp


# By hand (2021 office calendar): 10-13 + 1 month = 11-13, a Saturday → noon of Monday 11-15.
report_case(
    "report: last day a Saturday → 12:00 of the next office day, filed 11:59",
    "2021-10-13T09:00:00+08:00",
    "2021-11-15T11:59:00+08:00",
    hand=("2021-11-15T12:00:00+08:00", "2021-11-15", "2021-11-13"),
)
report_case(
    "report: last day a Saturday, filed 12:01 on the Monday is 1 min late",
    "2021-10-13T09:00:00+08:00",
    "2021-11-15T12:01:00+08:00",
)
# 10-14 + 1 = 11-14, a Sunday → the end of Monday 11-15.
report_case(
    "report: last day a Sunday → the end of the next office day",
    "2021-10-14T16:00:00+08:00",
    "2021-11-15T23:59:00+08:00",
    hand=("2021-11-16T00:00:00+08:00", "2021-11-15", "2021-11-14"),
)
# 09-10 + 1 = 10-10, Sunday 國慶日; Monday 10-11 is 補假 → the end of Tuesday 10-12.
report_case(
    "report: Sunday 國慶日 then a 補假 Monday → the end of Tuesday",
    "2021-09-10T10:00:00+08:00",
    now="2021-10-12T20:00:00+08:00",
    hand=("2021-10-13T00:00:00+08:00", "2021-10-12", "2021-10-10"),
)
# 2023-03-05 + 1 = 04-05, a Wednesday and 民族掃墓節 → the end of Thursday 04-06.
report_case(
    "report: last day a weekday holiday (民族掃墓節, Wed) → the end of Thursday",
    "2023-03-05T10:00:00+08:00",
    "2023-04-06T18:00:00+08:00",
    hand=("2023-04-07T00:00:00+08:00", "2023-04-06", "2023-04-05"),
)
# 08-11 + 1 = 09-11, a Saturday but 補行上班 (a make-up workday): no move.
report_case(
    "report: last day a make-up workday (補行上班 Saturday) ends at its own end",
    "2021-08-11T10:00:00+08:00",
    "2021-09-11T20:00:00+08:00",
    hand=("2021-09-12T00:00:00+08:00", "2021-09-11", None),
)
# Recovered on a month's last day: counting starts on the 1st, a whole month.
report_case(
    "report: recovered on 28 Feb 2021 → counting from 1 Mar, due at the end of 31 Mar",
    "2021-02-28T10:00:00+08:00",
    "2021-03-31T23:00:00+08:00",
    hand=("2021-04-01T00:00:00+08:00", "2021-03-31", None),
)
# 2026-01-28 + 1 = 02-28, a Saturday and 和平紀念日 → the Saturday rule: noon of Monday 03-02.
report_case(
    "report: 28 Feb 2026, a Saturday holiday → 12:00 of Monday 2 Mar",
    "2026-01-28T10:00:00+08:00",
    now="2026-03-02T11:00:00+08:00",
    hand=("2026-03-02T12:00:00+08:00", "2026-03-02", "2026-02-28"),
)
# 2028 is not in the office calendar: weekdays alone, and a warning.
# 2028-03-15 + 1 = 04-15, a Saturday → noon of Monday 04-17.
report_case(
    "report: a last day in 2028, a year the office calendar does not cover",
    "2028-03-15T10:00:00+08:00",
    "2028-04-14T10:00:00+08:00",
    hand=("2028-04-17T12:00:00+08:00", "2028-04-17", "2028-04-15"),
)
y2028 = {"holidays": {"2028-04-17": "測試用假日"}, "workdays": {}}
report_case(
    "report: a policy adding 2028 (test data: 04-17 a day off) covers it",
    "2028-03-15T10:00:00+08:00",
    "2028-04-14T10:00:00+08:00",
    policy={"calendar": {"office_days": {"2028": y2028}}},
    cal={**o.OFFICE, "2028": y2028},
    hand=("2028-04-18T12:00:00+08:00", "2028-04-18", "2028-04-15"),
)
ev_case(
    "edition 2026-01-05 from its first day",
    {**base, "aware_at": "2026-01-05T00:00:00+08:00", "reported_at": "2026-01-05T00:59:00+08:00"},
    now="2026-01-05T02:00:00+08:00",
)
ev_case(
    "the day before 2026-01-05 keeps edition 2021-08-23",
    {**base, "aware_at": "2026-01-04T23:59:00+08:00", "reported_at": "2026-01-05T00:59:00+08:00"},
    now="2026-01-05T02:00:00+08:00",
)
regs2 = [dict(r) for r in o.REGS]
regs2[1]["notify"] = 2
pol = {
    "incident": {
        "regulations": [
            {
                "name": r["name"],
                "effective_from": r["from"].isoformat(),
                "notify_hours": r["notify"],
                "review_hours_low": r["review_low"],
                "review_hours_high": r["review_high"],
                "recover_hours_low": r["recover_low"],
                "recover_hours_high": r["recover_high"],
                "report_months": r["months"],
            }
            for r in regs2
        ]
    }
}
ev_case(
    "a policy giving the 2026 edition 2 h to notify applies to a 2026 incident",
    {**base, "aware_at": "2026-02-01T09:00:00+08:00", "reported_at": "2026-02-01T10:30:00+08:00"},
    now="2026-02-01T12:00:00+08:00",
    policy=pol,
    regs=regs2,
)
ev_case(
    "…and not to a 2025 incident",
    {**base, "aware_at": "2025-02-01T09:00:00+08:00", "reported_at": "2025-02-01T10:30:00+08:00"},
    now="2025-02-01T12:00:00+08:00",
    policy=pol,
    regs=regs2,
)
ev_case(
    "reviewed before notified: time-order warning",
    {
        **base,
        "reported_at": "2021-09-01T10:30:00+08:00",
        "reviewed_at": "2021-09-01T10:10:00+08:00",
    },
    now="2021-09-01T12:00:00+08:00",
)
ev_case(
    "UTC input is judged in Taipei time",
    {**base, "aware_at": "2021-09-01T02:00:00Z", "reported_at": "2021-09-01T03:00:00Z"},
    now="2021-09-01T04:00:00Z",
)
ev_case(
    "ROC date-times in the record",
    {
        **base,
        "aware_at": "110/09/01 10:00",
        "reported_at": "110/09/01 10:45",
        "reviewed_at": "110年9月1日 下午3:00",
    },
    now="2021-09-01T16:00:00+08:00",
)
INC.err(
    "level 5 is out of range",
    "incident.evaluate",
    {"incident": {**base, "level": 5}, "now": NOW},
    "input.invalid_argument",
)
INC.err(
    "reported level 7 is out of range",
    "incident.evaluate",
    {"incident": {**base, "reported_level": 7}, "now": NOW},
    "input.invalid_argument",
)
INC.err(
    "a time that does not exist",
    "incident.evaluate",
    {"incident": {**base, "reported_at": "110/02/30 10:00"}, "now": NOW},
    "input.invalid_argument",
)
INC.err(
    "an unknown field",
    "incident.evaluate",
    {"incident": {**base, "severity": "high"}, "now": NOW},
    "input.invalid_argument",
)
INC.err(
    "missing id",
    "incident.evaluate",
    {"incident": {"unit": "X", "level": 1}, "now": NOW},
    "input.invalid_argument",
)

for raw, exp in [
    ("163.20.[REDACTED]", {"address": None, "nat": False, "redacted": True}),
    ("163.20.[REDACTED] (natIP)", {"address": None, "nat": True, "redacted": True}),
    ("163.20.1.5", {"address": "163.20.1.5", "nat": False, "redacted": False}),
    ("163.20.1.5 （natIP）", {"address": "163.20.1.5", "nat": True, "redacted": False}),
    ("2001:db8::1", {"address": "2001:db8::1", "nat": False, "redacted": False}),
    ("163.20.*.*", {"address": None, "nat": False, "redacted": True}),
    ("163.20.1.999", {"address": None, "nat": False, "redacted": False}),
]:
    INC.ok(f"IP {raw}", "incident.parse_ip", {"raw": raw}, {"raw": raw, **exp})
for text, level in [
    ("1級", 1),
    ("0級", 0),
    ("第三級", 3),
    ("Level 2", 2),
    ("４", 4),
    (" 2 級 ", 2),
]:
    INC.ok(f"level {text!r}", "incident.parse_level", {"text": text}, {"level": level})
INC.err("level 高 is not a level", "incident.parse_level", {"text": "高"}, "import.invalid_value")

# Import (incident_import_cases.py).
incident_import_cases.add(INC, ev_case, NOW)

# Statistics.
seed_json = [seed_record(r) for r in SEED]
st = o.stats(seed_json, NOW)
by_hand = {
    "total": 6,
    "by_month": [
        {"month": "2021-02", "roc_month": "110/02", "count": 1},
        {"month": "2021-03", "roc_month": "110/03", "count": 2},
        {"month": "2021-04", "roc_month": "110/04", "count": 0},
        {"month": "2021-05", "roc_month": "110/05", "count": 0},
        {"month": "2021-06", "roc_month": "110/06", "count": 0},
        {"month": "2021-07", "roc_month": "110/07", "count": 3},
    ],
    "by_subtype": [
        {"label": "對外攻擊", "count": 2},
        {"label": "殭屍電腦(Bot)", "count": 2},
        {"label": "系統被入侵", "count": 2},
    ],
    "by_school": [
        {"label": "新北市三重區 [REDACTED] 國民小學", "count": 5},
        {"label": "財團法人新北市 [REDACTED] 級中學", "count": 1},
    ],
    "by_year": [{"year": 2021, "roc_year": 110, "count": 6}],
    "by_level": [{"level": 1, "count": 6}],
    "undated": 0,
    "late": {"notify": 5, "review": 0, "recover": 0, "report": 0},
    "overdue": {"notify": 0, "review": 0, "recover": 6, "report": 0},
    "incidents_late": 6,
    "not_evaluated": [],
}
assert st == by_hand, st
# The same rows as the export gives them (no awareness, recovery or report
# column): by hand, nothing is overdue; the five late notifications remain.
nr_json = [
    {**r, "not_recorded": ["aware_at", "recovered_at", "report_filed_at"]} for r in seed_json
]
by_hand_nr = {
    **by_hand,
    "overdue": {"notify": 0, "review": 0, "recover": 0, "report": 0},
    "incidents_late": 5,
}
assert o.stats(nr_json, NOW) == by_hand_nr
INC.ok(
    "seed statistics with the export's absent columns: late notifications only, nothing overdue",
    "incident.stats",
    {"incidents": nr_json, "now": NOW},
    by_hand_nr,
)
INC.ok(
    "seed statistics: by month, subtype, school, year; late per obligation",
    "incident.stats",
    {"incidents": seed_json, "now": NOW},
    by_hand,
)
INC.ok("no incidents", "incident.stats", {"incidents": [], "now": NOW}, o.stats([], NOW))
mixed = [
    {
        "id": "a",
        "unit": "A",
        "level": 2,
        "reported_at": "2021-12-30T10:00:00+08:00",
        "aware_at": "2021-12-30T09:30:00+08:00",
    },
    {"id": "b", "unit": "B", "level": 1, "occurred_at": "2022-02-01T10:00:00+08:00"},
    {"id": "c", "unit": " ", "level": 0, "subtype": ""},
    {"id": "d", "unit": "A", "level": 9},
]
exp = o.stats([m for m in mixed if m["level"] <= 4], "2022-03-01T00:00:00+08:00")
exp.update(
    total=4,
    undated=exp["undated"] + 1,
    not_evaluated=["d"],
    by_level=exp["by_level"] + [{"level": 9, "count": 1}],
    by_school=[{"label": "A", "count": 2}, {"label": "B", "count": 1}, {"label": None, "count": 1}],
    by_subtype=[{"label": None, "count": 4}],
)
INC.ok(
    "statistics across a year end, blanks, an unjudgeable level",
    "incident.stats",
    {"incidents": mixed, "now": "2022-03-01T00:00:00+08:00"},
    exp,
)
INC.write()
