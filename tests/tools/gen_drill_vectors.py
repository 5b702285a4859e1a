"""Writes tests/vectors/drill.json.

Expected values come from drill_audit_oracle.py (an independent reading of RULES §7,
§8); the figures of the example files are also worked out by hand below and
checked against the oracle before writing."""

# ruff: noqa: E501 (long literal strings: expected messages and data)

import drill_audit_oracle as o
from vector_doc import ROOT, Doc

# --------------------------------------------------------------------------- drill
D = Doc(
    "drill",
    "Incident report drills (RULES §7; seed 000 PART FOUR (一)1 4 h in 109, (二)2 1 h from 110): "
    "overtime per report and per school, the list by overtime. The limit comes from the policy "
    "edition (args.policy.edition).",
)
P109 = {"edition": "ntpc-109"}
DNOW = "2021-09-30T00:00:00+08:00"


def d_eval(name, rep, now=DNOW, policy=None):
    limit = 4 if policy == P109 else None  # ntpc-109 pins 4 h; else by notice date
    args = {"report": rep, "now": now}
    if policy:
        args["policy"] = policy
    D.ok(name, "drill.evaluate", args, o.drill_eval(rep, now, limit))


n9 = "2021-09-06T09:00:00+08:00"
d_eval(
    "reported exactly at the 1-hour limit",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T10:00:00+08:00"},
)
d_eval(
    "one minute over the 1-hour limit",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T10:01:00+08:00"},
)
d_eval(
    "one second over rounds up to 1 minute",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T10:00:01+08:00"},
)
d_eval(
    "edition 109: 3 h 59 min is on time",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T12:59:00+08:00"},
    policy=P109,
)
d_eval(
    "edition 109: 4 h 1 min is 1 minute late",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T13:01:00+08:00"},
    policy=P109,
)
d_eval(
    "edition 110: the same 3 h 59 min is 2 h 59 min late",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T12:59:00+08:00"},
)
d_eval(
    "not reported, deadline ahead: open",
    {"school": "900001", "notified_at": n9},
    now="2021-09-06T09:20:00+08:00",
)
d_eval(
    "not reported, deadline passed: overdue to now",
    {"school": "900001", "notified_at": n9},
    now="2021-09-06T12:30:00+08:00",
)
d_eval(
    "ROC times and a round label",
    {
        "school": "900002",
        "drill": "第一梯",
        "notified_at": "110/09/06 09:00",
        "reported_at": "110/09/06 10:35",
    },
)
d_eval(
    "a day late",
    {"school": "900003", "notified_at": n9, "reported_at": "2021-09-07T10:00:00+08:00"},
)
# Issue 16 item 4: the edition of the notice date. By hand: notified 2020-09-07
# 09:00 (ROC 109): 4 h, due 13:00; reported 12:30 → met, 30 min to spare. The
# same delay on 2021-09-06 (110): 1 h, due 10:00 → 2 h 30 min late.
d_eval(
    "notified 2020-09-07 (ROC 109): the 4-hour limit of its date, with the default policy",
    {
        "school": "900001",
        "notified_at": "2020-09-07T09:00:00+08:00",
        "reported_at": "2020-09-07T12:30:00+08:00",
    },
)
d_eval(
    "notified 2021-01-01 00:00, the first moment of 110: 1 hour",
    {
        "school": "900001",
        "notified_at": "2021-01-01T00:00:00+08:00",
        "reported_at": "2021-01-01T01:01:00+08:00",
    },
)
d_eval(
    "notified 2020-12-31 23:30 Taipei (15:30 UTC): still 109's 4 hours",
    {
        "school": "900001",
        "notified_at": "2020-12-31T15:30:00Z",
        "reported_at": "2021-01-01T03:00:00+08:00",
    },
)
d_eval(
    "a policy pinning 2 hours applies to a 2020 drill too",
    {
        "school": "900001",
        "notified_at": "2020-09-07T09:00:00+08:00",
        "reported_at": "2020-09-07T11:30:00+08:00",
    },
    policy={"drill": {"report_limit_hours": 2}},
)
D.cases[-1]["expect"] = o.drill_eval(D.cases[-1]["args"]["report"], DNOW, 2)
# By hand: reported 08:50 for a 09:00 notice: before the notice, a warning; the
# 1-hour deadline 10:00 is "met" with 70 minutes to spare.
exp = o.drill_eval(
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T08:50:00+08:00"}, DNOW
)
assert exp["verdict"] == "warn" and exp["margin_minutes"] == 70
d_eval(
    "a report time before the notice time is drill.time_order",
    {"school": "900001", "notified_at": n9, "reported_at": "2021-09-06T08:50:00+08:00"},
)
D.cases[-1]["expect"]["findings"][0]["message_zh"] = (
    "通報時間（2021-09-06 08:50）早於演練通知時間（2021-09-06 09:00），請確認時間是否正確。"
)
D.err(
    "missing notice time",
    "drill.evaluate",
    {"report": {"school": "900001"}, "now": DNOW},
    "input.invalid_argument",
)
D.err(
    "bad report time",
    "drill.evaluate",
    {
        "report": {"school": "900001", "notified_at": n9, "reported_at": "110/13/01 10:00"},
        "now": DNOW,
    },
    "input.invalid_argument",
)
D.err(
    "unknown field",
    "drill.evaluate",
    {"report": {"school": "900001", "notified_at": n9, "late": True}, "now": DNOW},
    "input.invalid_argument",
)
D.err(
    "bad now",
    "drill.evaluate",
    {"report": {"school": "900001", "notified_at": n9}, "now": "yesterday"},
    "calendar.unrecognized_format",
)


def d_rank(name, reps, now=DNOW, policy=None):
    limit, ed = (4, "ntpc-109") if policy == P109 else (None, "ntpc-110")
    args = {"reports": reps, "now": now}
    if policy:
        args["policy"] = policy
    D.ok(name, "drill.rank", args, o.drill_rank(reps, now, limit, ed))


def rep(school, minutes, name=None, drill=None):
    """A report `minutes` after a 09:00 notice (None: not reported)."""
    r = {"school": school, "notified_at": n9}
    if minutes is not None:
        h, m = divmod(9 * 60 + minutes, 60)
        r["reported_at"] = f"2021-09-06T{h:02d}:{m:02d}:00+08:00"
    if name:
        r["school_name"] = name
    if drill:
        r["drill"] = drill
    return r


d_rank(
    "ties share a rank and the next skips (1, 2, 2, 4)",
    [rep("A", 150), rep("B", 90), rep("C", 90), rep("D", 61), rep("E", 30), rep("F", 60)],
)
d_rank(
    "overtime adds up over two rounds",
    [rep("A", 90, "甲國小", "第一梯"), rep("A", 80, None, "第二梯"), rep("B", 130)],
)
d_rank("every school on time: no ranks", [rep("A", 10), rep("B", 60)])
d_rank("no reports", [])
d_rank(
    "edition 109: the same reports with 4 hours",
    [rep("A", 150), rep("B", 250), rep("C", 241)],
    policy=P109,
)
d_rank("edition 110: the same reports with 1 hour", [rep("A", 150), rep("B", 250), rep("C", 241)])
d_rank(
    "a school that never reported counts overdue to now",
    [rep("A", None), rep("B", 75)],
    now="2021-09-06T12:00:00+08:00",
)
d_rank("open reports do not rank", [rep("A", None), rep("B", 75)], now="2021-09-06T09:30:00+08:00")
d_rank("school order breaks ties", [rep("Z", 70), rep("M", 70), rep("A", 70)])
d_rank("the name comes from the first report that has one", [rep("A", 70), rep("A", 65, "甲國小")])
# By hand: A's 2020 drill (4 h) reported after 3 h is on time; B's 2021 drill
# (1 h) after 1 h 30 min is 30 min late. Two limits: the list has none of its own.
span = [
    {"school": "A", "notified_at": "2020-09-07T09:00:00+08:00", "reported_at": "2020-09-07T12:00:00+08:00"},
    {"school": "B", "notified_at": n9, "reported_at": "2021-09-06T10:30:00+08:00"},
]
_r = o.drill_rank(span, DNOW, None, "ntpc-110")
assert _r["limit_hours"] is None and [s_["overtime_minutes"] for s_ in _r["schools"]] == [30, 0]
d_rank("a list spanning 109 and 110: each drill by its own notice date", span)
DHEAD = "學校代碼,學校名稱,梯次,通知時間,通報時間"
drills_csv = (ROOT / "examples" / "data" / "drills.csv").read_text(encoding="utf-8")
assert drills_csv.splitlines()[0] == DHEAD
D.ok(
    "examples/data/drills.csv",
    "drill.import",
    {"data": drills_csv},
    {
        "records": [
            {
                "school": "900001",
                "school_name": "範例一國小",
                "drill": "第一梯",
                "notified_at": "2021-09-06T09:00:00+08:00",
                "reported_at": "2021-09-06T09:42:00+08:00",
            },
            {
                "school": "900002",
                "school_name": "範例二國小",
                "drill": "第一梯",
                "notified_at": "2021-09-06T09:00:00+08:00",
                "reported_at": "2021-09-06T10:35:00+08:00",
            },
            {
                "school": "900003",
                "school_name": "範例三國中",
                "drill": "第一梯",
                "notified_at": "2021-09-07T14:00:00+08:00",
                "reported_at": "2021-09-07T15:00:00+08:00",
            },
            {
                "school": "900004",
                "school_name": "範例四高中",
                "drill": "第二梯",
                "notified_at": "2021-09-13T10:00:00+08:00",
                "reported_at": "2021-09-13T13:20:00+08:00",
            },
            {
                "school": "900002",
                "school_name": "範例二國小",
                "drill": "第二梯",
                "notified_at": "2021-09-14T09:00:00+08:00",
                "reported_at": "2021-09-14T10:05:00+08:00",
            },
        ],
        "lines": [2, 3, 4, 5, 6],
        "errors": [],
        "delimiter": "comma",
    },
)
ex_reps = [
    {
        "school": "900001",
        "school_name": "範例一國小",
        "drill": "第一梯",
        "notified_at": "2021/09/06 09:00",
        "reported_at": "2021/09/06 09:42",
    },
    {
        "school": "900002",
        "school_name": "範例二國小",
        "drill": "第一梯",
        "notified_at": "2021/09/06 09:00",
        "reported_at": "2021/09/06 10:35",
    },
    {
        "school": "900003",
        "school_name": "範例三國中",
        "drill": "第一梯",
        "notified_at": "2021/09/07 14:00",
        "reported_at": "2021/09/07 15:00",
    },
    {
        "school": "900004",
        "school_name": "範例四高中",
        "drill": "第二梯",
        "notified_at": "2021/09/13 10:00",
        "reported_at": "2021/09/13 13:20",
    },
    {
        "school": "900002",
        "school_name": "範例二國小",
        "drill": "第二梯",
        "notified_at": "2021/09/14 09:00",
        "reported_at": "2021/09/14 10:05",
    },
]
r = o.drill_rank(ex_reps, DNOW, None, "ntpc-110")
# By hand: 900004 3 h 20 min - 1 h = 140 min; 900002 (95 - 60) + (65 - 60) = 40 min; 900003 exactly 1 h; 900001 42 min.
assert [(s["school"], s["overtime_minutes"], s["rank"]) for s in r["schools"]] == [
    ("900004", 140, 1),
    ("900002", 40, 2),
    ("900001", 0, None),
    ("900003", 0, None),
]
D.ok("the example drills ranked", "drill.rank", {"reports": ex_reps, "now": DNOW}, r)
D.ok(
    "TSV with English headers and an unreported school",
    "drill.import",
    {"data": "school\tnotified_at\treported_at\nA\t2021-09-06 09:00\t\n"},
    {
        "records": [
            {
                "school": "A",
                "school_name": None,
                "drill": None,
                "notified_at": "2021-09-06T09:00:00+08:00",
                "reported_at": None,
            }
        ],
        "delimiter": "tab",
        "errors": [],
    },
)
D.ok(
    "a bad notice time is a row error",
    "drill.import",
    {"data": DHEAD + "\nA,,,110/09/31 09:00,\nB,,,110/09/30 09:00,\n"},
    {
        "records": [{"school": "B"}],
        "lines": [3],
        "errors": [
            {
                "line": 2,
                "column": 4,
                "header": "通知時間",
                "field": "notified_at",
                "code": "calendar.invalid_date",
            }
        ],
    },
)
D.ok(
    "a blank notice time is a missing value",
    "drill.import",
    {"data": DHEAD + "\nA,,,,\n"},
    {
        "records": [],
        "errors": [
            {"line": 2, "column": 4, "field": "notified_at", "code": "import.missing_value"}
        ],
    },
)
D.err(
    "no notice column",
    "drill.import",
    {"data": "學校代碼,通報時間\nA,110/09/06 10:00\n"},
    "import.missing_column",
)
D.write()
