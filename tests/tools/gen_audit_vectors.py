"""Writes tests/vectors/audit.json.

Expected values come from drill_audit_oracle.py (an independent reading of RULES §8);
the figures of the example files are also worked out by hand below and checked
against the oracle before writing."""

# ruff: noqa: E501 (long literal strings: expected messages and data)

import drill_audit_oracle as o
from vector_doc import ROOT, Doc

# --------------------------------------------------------------------------- audit
A = Doc(
    "audit",
    "Picking schools for on-site security checks (RULES §8; seed 000 PART FOUR (三)): the five criteria "
    "(the re-scan at CVSS >= 7.0 a sixth only with audit.rescan_is_criterion), ties kept at the 20th, "
    "ordering, capacity; the website-scan ranking and the schools to fix and report back "
    "(seed 001 §陸.三.(一)); CVSS bands; imports.",
)


def a_pick(name, schools, scans=(), capacity=None, policy=None, **kw):
    args = {"schools": schools, "scans": list(scans)}
    if capacity is not None:
        args["capacity"] = capacity
    if policy:
        args["policy"] = policy
    exp = o.pick(schools, list(scans), capacity, **kw)
    A.ok(name, "audit.pick", args, exp)
    return exp


every = {
    "school": "900099",
    "name": "全中國小",
    "drill_overtime_minutes": 125,
    "previous_year_incidents": 4,
    "self_report_gaps": 2,
    "citizen_complaints": 1,
    "security_grade": "C",
}
SIX = {"audit": {"rescan_is_criterion": True}}
every_scans = [
    {
        "school": "900099",
        "scan": "rescan",
        "cvss": 9.8,
        "cvss_version": "3.1",
        "label": "Critical",
        "title": "SQL injection",
    },
    {
        "school": "900099",
        "scan": "rescan",
        "cvss": 7.2,
        "cvss_version": "2.0",
        "label": "High",
        "title": "XSS",
    },
    {"school": "900099", "scan": "initial", "cvss": 5.3, "cvss_version": "3.1"},
]
e = a_pick(
    "default policy: the seed's five criteria; the re-scan goes to the scan ranking",
    [every, {"school": "900098"}],
    every_scans,
)
assert [c["criterion"] for c in e["picked"][0]["criteria"]] == [
    "drill_overtime",
    "incident_count",
    "self_report_gaps",
    "citizen_complaint",
    "security_grade",
]
assert [m["school"] for m in e["scan_ranking"]["must_fix"]] == ["900099"]
e = a_pick(
    "with the policy switch a school meeting every criterion carries all six with the figures",
    [every, {"school": "900098"}],
    policy=SIX,
    rescan_criterion=True,
    scans=[
        {
            "school": "900099",
            "scan": "rescan",
            "cvss": 9.8,
            "cvss_version": "3.1",
            "label": "Critical",
            "title": "SQL injection",
        },
        {
            "school": "900099",
            "scan": "rescan",
            "cvss": 7.2,
            "cvss_version": "2.0",
            "label": "High",
            "title": "XSS",
        },
        {"school": "900099", "scan": "initial", "cvss": 5.3, "cvss_version": "3.1"},
    ],
)
assert [c["criterion"] for c in e["picked"][0]["criteria"]] == [
    "drill_overtime",
    "incident_count",
    "self_report_gaps",
    "citizen_complaint",
    "security_grade",
    "rescan_high",
]
assert (
    e["picked"][0]["criteria"][0]["finding"]["params"]["overtime"] == "2 h 5 min"
)  # by hand: 125 min

tied = [{"school": f"91{i:04d}", "drill_overtime_minutes": 1000 - i} for i in range(1, 20)]
tied += [{"school": f"92{i:04d}", "drill_overtime_minutes": 100} for i in range(21)]
tied += [
    {"school": "930000", "drill_overtime_minutes": 50},
    {"school": "930001", "drill_overtime_minutes": 0},
]
e = a_pick("21 schools tied at rank 20 are all kept (40 picked), the next is not", tied)
assert len(e["picked"]) == 40 and {s["worst_rank"] for s in e["picked"][19:]} == {20}
inc_tied = [{"school": f"94{i:04d}", "previous_year_incidents": 30 - i} for i in range(1, 20)]
inc_tied += [{"school": f"95{i:04d}", "previous_year_incidents": 3} for i in range(3)]
inc_tied += [{"school": "960000", "previous_year_incidents": 2}]
e = a_pick("incident counts: three tied at rank 20 are kept", inc_tied)
assert len(e["picked"]) == 22
e = a_pick(
    "a tie straddling the 20th: rank 19 shared by four schools keeps all four",
    [{"school": f"97{i:04d}", "previous_year_incidents": 40 - i} for i in range(1, 19)]
    + [{"school": f"98{i:04d}", "previous_year_incidents": 5} for i in range(4)],
)
assert len(e["picked"]) == 22 and e["picked"][-1]["worst_rank"] == 19
a_pick(
    "zero values do not rank",
    [
        {"school": "A", "drill_overtime_minutes": 0, "previous_year_incidents": 0},
        {"school": "B", "drill_overtime_minutes": 5},
        {"school": "C"},
    ],
)
a_pick(
    "CVSS 6.9 does not count, 7.0 does (v3)",
    [{"school": "A"}, {"school": "B"}],
    [
        {"school": "A", "scan": "rescan", "cvss": 6.9, "cvss_version": "3.1", "label": "Medium"},
        {"school": "B", "scan": "rescan", "cvss": 7.0, "cvss_version": "3.1", "label": "High"},
    ],
)
a_pick(
    "v2 7.0 labelled Medium counts; v3 6.9 labelled High does not (labels are informative)",
    [],
    [
        {"school": "A", "scan": "rescan", "cvss": 7.0, "cvss_version": "2.0", "label": "Medium"},
        {"school": "B", "scan": "rescan", "cvss": 6.9, "cvss_version": "3.0", "label": "High"},
    ],
)
a_pick(
    "v2 10.0 is high, v3 10.0 critical: both count",
    [],
    [
        {"school": "A", "scan": "rescan", "cvss": 10.0, "cvss_version": "v2"},
        {
            "school": "B",
            "scan": "rescan",
            "cvss": 10.0,
            "cvss_version": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        },
    ],
)
a_pick(
    "a score without a version is compared the same way",
    [],
    [{"school": "A", "scan": "rescan", "cvss": 8.1}],
)
a_pick(
    "6.95 is 7.0 in tenths",
    [],
    [{"school": "A", "scan": "rescan", "cvss": 6.95, "cvss_version": "3.1"}],
)
a_pick(
    "initial-scan findings alone do not pick",
    [{"school": "A"}],
    [
        {"school": "A", "scan": "initial", "cvss": 9.8, "cvss_version": "3.1"},
        {"school": "A", "scan": "rescan", "cvss": 4.3, "cvss_version": "3.1"},
    ],
)
order = [
    {"school": "B2", "self_report_gaps": 1, "citizen_complaints": 1},
    {"school": "B1", "self_report_gaps": 1, "security_grade": "C"},
    {"school": "A9", "drill_overtime_minutes": 10, "citizen_complaints": 2},
    {"school": "A8", "drill_overtime_minutes": 30, "self_report_gaps": 3},
    {"school": "A7", "previous_year_incidents": 9},
    {"school": "A6", "citizen_complaints": 1},
]
e = a_pick("order: criteria met, then best rank, then school code", order)
assert [s["school"] for s in e["picked"]] == ["A8", "A9", "B1", "B2", "A7", "A6"]
a_pick("capacity takes the first 2; the rest are over capacity", order, capacity=2)
a_pick("capacity 0 picks none", order, capacity=0)
a_pick("capacity above the eligible count", order, capacity=50)
a_pick(
    "grades compare ignoring case, width and 級",
    [
        {"school": "A", "security_grade": "c級"},
        {"school": "B", "security_grade": "Ｃ"},
        {"school": "C", "security_grade": "B"},
        {"school": "D", "security_grade": ""},
    ],
)
a_pick(
    "a policy picking grade B",
    [{"school": "A", "security_grade": "C"}, {"school": "B", "security_grade": "b"}],
    policy={"audit": {"picked_grade": "B"}},
    grade="B",
)
a_pick(
    "a school found only in the scans is added",
    [{"school": "A", "name": "甲國小"}],
    [{"school": "Z", "scan": "rescan", "cvss": 7.5, "cvss_version": "3.1", "title": "舊版 PHP"}],
)
a_pick(
    "a policy top 2 keeps the tie at 2",
    [
        {"school": "A", "drill_overtime_minutes": 9},
        {"school": "B", "drill_overtime_minutes": 5},
        {"school": "C", "drill_overtime_minutes": 5},
        {"school": "D", "drill_overtime_minutes": 4},
    ],
    policy={"audit": {"drill_top_n": 2}},
    drill_top=2,
)
a_pick(
    "a policy threshold of 9.0",
    [],
    [
        {"school": "A", "scan": "rescan", "cvss": 8.9},
        {"school": "B", "scan": "rescan", "cvss": 9.0},
    ],
    policy={"audit": {"rescan_min_cvss": 9.0}},
    min_cvss=9.0,
)
a_pick("nothing to pick", [])
A.err(
    "a school listed twice",
    "audit.pick",
    {"schools": [{"school": "A"}, {"school": " A "}]},
    "input.invalid_argument",
)
A.err(
    "CVSS 10.1 is not a score",
    "audit.pick",
    {"schools": [], "scans": [{"school": "A", "scan": "rescan", "cvss": 10.1}]},
    "input.invalid_argument",
)
A.err(
    "a negative CVSS score",
    "audit.pick",
    {"schools": [], "scans": [{"school": "A", "scan": "rescan", "cvss": -0.1}]},
    "input.invalid_argument",
)
A.err(
    "an unknown CVSS version",
    "audit.pick",
    {"schools": [], "scans": [{"school": "A", "scan": "rescan", "cvss": 5.0, "cvss_version": "5"}]},
    "input.invalid_argument",
)
for score, ver, exp in [
    (9.3, "2.0", "high"),
    (9.3, "3.1", "critical"),
    (0.0, "3.1", "none"),
    (0.0, "2.0", "low"),
    (7.0, "4.0", "high"),
    (6.9, None, "medium"),
    (8.9, "3.0", "high"),
    (3.9, "v2", "low"),
    (4.0, "v3", "medium"),
]:
    assert o.band(score, o.ver(ver)) == exp
    A.ok(
        f"CVSS {score} {ver or 'no version'} is {exp}",
        "audit.cvss_band",
        {"score": score, "version": ver},
        {"band": exp},
    )
A.err("CVSS 11 has no band", "audit.cvss_band", {"score": 11.0}, "input.invalid_argument")
for text, v in [("CVSS:3.1/AV:N/AC:L", "v3"), ("2.0", "v2"), ("v4", "v4"), ("CVSSv3", "v3")]:
    A.ok(f"CVSS version {text}", "audit.parse_cvss_version", {"text": text}, {"version": v})
A.err("CVSS version 5", "audit.parse_cvss_version", {"text": "5"}, "import.invalid_value")
for text, v in [("初掃", "initial"), ("複掃", "rescan"), ("Re-Scan", "rescan")]:
    A.ok(f"scan round {text}", "audit.parse_scan_round", {"text": text}, {"scan": v})
A.err("scan round 三掃", "audit.parse_scan_round", {"text": "三掃"}, "import.invalid_value")

sc_csv = (ROOT / "examples" / "data" / "audit_schools.csv").read_text(encoding="utf-8")
sn_csv = (ROOT / "examples" / "data" / "audit_scans.csv").read_text(encoding="utf-8")
ex_schools = [
    {
        "school": "900001",
        "name": "範例一國小",
        "drill_overtime_minutes": 0,
        "previous_year_incidents": 3,
        "self_report_gaps": 0,
        "citizen_complaints": 0,
        "security_grade": "B",
    },
    {
        "school": "900002",
        "name": "範例二國小",
        "drill_overtime_minutes": 100,
        "previous_year_incidents": 5,
        "self_report_gaps": 2,
        "citizen_complaints": 0,
        "security_grade": "C",
    },
    {
        "school": "900003",
        "name": "範例三國中",
        "drill_overtime_minutes": 0,
        "previous_year_incidents": 0,
        "self_report_gaps": 0,
        "citizen_complaints": 1,
        "security_grade": "A",
    },
    {
        "school": "900004",
        "name": "範例四高中",
        "drill_overtime_minutes": 200,
        "previous_year_incidents": 0,
        "self_report_gaps": 0,
        "citizen_complaints": 0,
        "security_grade": "A",
    },
    {
        "school": "900005",
        "name": "範例五國小",
        "drill_overtime_minutes": 0,
        "previous_year_incidents": 1,
        "self_report_gaps": 0,
        "citizen_complaints": 0,
        "security_grade": "B",
    },
]
ex_scans = [
    {
        "school": "900004",
        "scan": "initial",
        "cvss": 9.8,
        "cvss_version": "3.1",
        "label": "Critical",
        "title": "過時的 CMS 外掛",
    },
    {
        "school": "900004",
        "scan": "rescan",
        "cvss": 7.5,
        "cvss_version": "3.1",
        "label": "High",
        "title": "過時的 jQuery 版本",
    },
    {
        "school": "900005",
        "scan": "rescan",
        "cvss": 6.9,
        "cvss_version": "3.1",
        "label": "High",
        "title": "未加密的登入表單",
    },
    {
        "school": "900001",
        "scan": "rescan",
        "cvss": 7.0,
        "cvss_version": "2.0",
        "label": "Medium",
        "title": "目錄列舉",
    },
    {
        "school": "900001",
        "scan": "initial",
        "cvss": 5.0,
        "cvss_version": "2.0",
        "label": "Medium",
        "title": "缺少安全標頭",
    },
]
A.ok(
    "examples/data/audit_schools.csv (有/無 read as 1/0)",
    "audit.import_schools",
    {"data": sc_csv},
    {"records": ex_schools, "lines": [2, 3, 4, 5, 6], "errors": []},
)
A.ok(
    "examples/data/audit_scans.csv",
    "audit.import_scans",
    {"data": sn_csv},
    {
        "records": [{**s, "cvss_version": o.ver(s["cvss_version"])} for s in ex_scans],
        "lines": [2, 3, 4, 5, 6],
        "errors": [],
    },
)
e = a_pick("the example schools and scans", ex_schools, ex_scans)
# By hand, the five criteria: 900002 drill #2, incidents #1, gaps, grade C (4);
# then one criterion each by best rank: 900004 drill #1, 900001 incidents #2,
# 900005 incidents #3, 900003 complaint (no rank).
assert [(s["school"], s["criteria_met"], s["worst_rank"]) for s in e["picked"]] == [
    ("900002", 4, 1),
    ("900004", 1, 1),
    ("900001", 1, 2),
    ("900005", 1, 3),
    ("900003", 1, None),
]
# By hand, the scan ranking: 900004 (1 re-scan ≥ 7.0, max 7.5, 1 initial ≥ 7.0),
# 900001 (1, max 7.0 — v2 "Medium" label ignored), 900005 (0, max 6.9 though
# labelled "High"). Must fix: 900004, 900001.
sr = e["scan_ranking"]
assert [(x["rank"], x["school"], x["must_fix"]) for x in sr["schools"]] == [
    (1, "900004", True),
    (2, "900001", True),
    (3, "900005", False),
]
assert [m["school"] for m in sr["must_fix"]] == ["900004", "900001"]
A.ok(
    "the scan ranking of the example scans on its own, names from the schools",
    "audit.scan_ranking",
    {"scans": ex_scans, "schools": ex_schools},
    sr,
)
e = a_pick(
    "the example schools with the re-scan switch on: the re-scan is a sixth criterion",
    ex_schools,
    ex_scans,
    policy=SIX,
    rescan_criterion=True,
)
# By hand: 900002 (4), 900004 (2: drill #1 + re-scan), 900001 (2: incidents #2 + re-scan), 900005, 900003.
assert [(s["school"], s["criteria_met"]) for s in e["picked"]] == [
    ("900002", 4),
    ("900004", 2),
    ("900001", 2),
    ("900005", 1),
    ("900003", 1),
]
A.ok(
    "school rows with bad figures are row errors",
    "audit.import_schools",
    {"data": "school,drill_overtime_minutes,citizen_complaints\nA,-5,0\nB,10,maybe\nC,10,yes\n"},
    {
        "records": [{"school": "C", "drill_overtime_minutes": 10, "citizen_complaints": 1}],
        "lines": [4],
        "errors": [
            {
                "line": 2,
                "column": 2,
                "field": "drill_overtime_minutes",
                "code": "import.invalid_value",
            },
            {"line": 3, "column": 3, "field": "citizen_complaints", "code": "import.invalid_value"},
        ],
    },
)
A.ok(
    "a header in hours (演練逾時(時)) is read as hours and turned into minutes (issue 17 §4)",
    "audit.import_schools",
    {"data": "學校代碼,演練逾時(時)\n014601,1.5\n014602,15\n014603,0.01\n014604,0.25\n"},
    {
        # By hand: 1.5 h = 90 min, 15 h = 900 min, 0.25 h = 15 min; 0.01 h = 36 s is no whole minute.
        "records": [
            {"school": "014601", "drill_overtime_minutes": 90},
            {"school": "014602", "drill_overtime_minutes": 900},
            {"school": "014604", "drill_overtime_minutes": 15},
        ],
        "lines": [2, 3, 5],
        "errors": [
            {"line": 4, "column": 2, "field": "drill_overtime_hours", "code": "import.invalid_value"},
        ],
    },
)
A.ok(
    "minutes and hours both given must agree (by hand: 2 h = 120 min, not 100)",
    "audit.import_schools",
    {"data": "學校代碼,演練逾時(分),演練逾時（小時）\nA,120,2\nB,100,2\nC,,3\n"},
    {
        "records": [
            {"school": "A", "drill_overtime_minutes": 120},
            {"school": "C", "drill_overtime_minutes": 180},
        ],
        "lines": [2, 4],
        "errors": [
            {"line": 3, "column": 3, "field": "drill_overtime_hours", "code": "import.invalid_value"},
        ],
    },
)
A.ok(
    "title lines above the header (a sheet title, a date line) are passed over (issue 17 §4)",
    "audit.import_schools",
    {"data": "110 年度學校資安評估清單\n製表日期：110/12/01,製表人：資訊組\n\n學校代碼,學校名稱\n014601,範例國小\n"},
    {"records": [{"school": "014601", "name": "範例國小"}], "lines": [5], "errors": []},
)
A.err(
    "a file whose header names no required column is an error that names the line read as the header",
    "audit.import_schools",
    {"data": "學校清單\n校名,備註\n範例國小,x\n"},
    "import.missing_column",
)
A.ok(
    "scan rows with a bad score or round are row errors",
    "audit.import_scans",
    {"data": "學校代碼\t掃描別\tCVSS\nA\t複掃\t10.5\nB\t三掃\t7\nC\t初掃\t7\n"},
    {
        "records": [{"school": "C", "scan": "initial", "cvss": 7.0}],
        "delimiter": "tab",
        "errors": [
            {"line": 2, "column": 3, "code": "import.invalid_value"},
            {"line": 3, "column": 2, "code": "import.invalid_value"},
        ],
    },
)
A.err(
    "scans without a CVSS column",
    "audit.import_scans",
    {"data": "學校代碼,掃描別\nA,複掃\n"},
    "import.missing_column",
)
# Scan ranking keys by hand. P: 2 re-scans ≥ 7.0 (max 7.1) beats Q: 1 (max 9.9);
# Q beats R: 1 (max 8.0) on the highest score; S and T tie on re-scan (1 at 7.5)
# and are split by initial findings ≥ 7.0 (T 2, S 1); U and V have no re-scan at
# all: U's initial 7.0 puts it before V (initial 6.0), and a re-scan of 3.0 (W)
# ranks above no re-scan at all (U, V) on the highest-score key.
rk_scans = [
    {"school": "P", "scan": "rescan", "cvss": 7.1},
    {"school": "P", "scan": "rescan", "cvss": 7.0},
    {"school": "Q", "scan": "rescan", "cvss": 9.9},
    {"school": "R", "scan": "rescan", "cvss": 8.0},
    {"school": "S", "scan": "rescan", "cvss": 7.5},
    {"school": "S", "scan": "initial", "cvss": 9.0},
    {"school": "T", "scan": "rescan", "cvss": 7.5},
    {"school": "T", "scan": "initial", "cvss": 7.0},
    {"school": "T", "scan": "initial", "cvss": 8.0},
    {"school": "U", "scan": "initial", "cvss": 7.0},
    {"school": "V", "scan": "initial", "cvss": 6.0},
    {"school": "W", "scan": "rescan", "cvss": 3.0},
]
exp = o.scan_rank(rk_scans)
assert [x["school"] for x in exp["schools"]] == ["P", "Q", "R", "T", "S", "W", "U", "V"]
assert [m["school"] for m in exp["must_fix"]] == ["P", "Q", "R", "T", "S"]
A.ok("scan ranking: every sort key in turn", "audit.scan_ranking", {"scans": rk_scans}, exp)
A.ok(
    "scan ranking: no scans, nothing ranked",
    "audit.scan_ranking",
    {"scans": []},
    {"rescan_min_cvss": 7.0, "schools": [], "must_fix": []},
)
A.err(
    "scan ranking: a CVSS over 10.0",
    "audit.scan_ranking",
    {"scans": [{"school": "A", "scan": "rescan", "cvss": 10.5}]},
    "input.invalid_argument",
)
A.write()
